package org.transferlab.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;

/**
 * Embedding extraction in images per second: {@link SourceModel#embed} of 4,096 images at the last
 * hidden layer (what feature extraction and Tribuo heads pay once per target and source model),
 * against DL4J's plain forward pass {@code output()} of the whole network over the same images in one
 * array. The weights are freshly initialised: speed does not depend on them.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EmbeddingBenchmark {
    private static final int IMAGES = 4_096;

    @Param({"mlp", "cnn"})
    public String network;

    private SourceModel model;
    private MultiLayerNetwork plain;
    private Examples images;
    private INDArray features;
    private int layer;

    @Setup
    public void build() {
        Nd4jThreads.use(1);
        NetworkSpec spec = BenchData.spec(network, 64);
        MultiLayerNetwork trained = NetworkFactory.classifier(spec, BenchData.IMAGE, BenchData.CLASSES, 1e-3, 1);
        model = new SourceModel(trained, spec, List.of("a", "b", "c", "d", "e"), 1, Map.of(), InputScaling.NONE);
        plain = model.copy();
        images = BenchData.images(IMAGES, 11);
        features = Batches.features(images);
        layer = spec.lastHiddenLayer();
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void embed(Blackhole blackhole) {
        blackhole.consume(model.embed(images, layer));
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void baselineOutput(Blackhole blackhole) {
        blackhole.consume(plain.output(features, false));
    }
}
