package org.transferlab.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.NetworkSpec;

/**
 * One training epoch of TransferLab's MLP and CNN: epochs per second, and samples per second as the
 * {@code samples} secondary result: {@code trainEpoch} is what {@code SourceTrainer} does per epoch (shuffle, build
 * the minibatches, {@code fit} each); {@code baselineFitPrebuilt} fits minibatches built once in
 * setup, so the difference is the data pipeline's cost. Batch size and ND4J threads are parameters;
 * {@code images} sets the epoch's size (the smoke test makes it tiny).
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EpochBenchmark {
    @Param({"mlp", "cnn"})
    public String network;

    @Param({"64", "256"})
    public int batchSize;

    @Param({"1", "2"})
    public int threads;

    @Param({"3000"})
    public int images;

    private MultiLayerNetwork model;
    private Examples train;
    private List<DataSet> prebuilt;
    private SplittableRandom order;

    /** Samples trained, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Samples {
        public long samples;

        @Setup(Level.Iteration)
        public void reset() {
            samples = 0;
        }
    }

    @Setup
    public void build() {
        Nd4jThreads.use(threads);
        NetworkSpec spec = BenchData.spec(network, batchSize);
        model = NetworkFactory.classifier(spec, BenchData.IMAGE, BenchData.CLASSES, 1e-3, 1);
        train = BenchData.images(images, 5);
        order = new SplittableRandom(3);
        prebuilt = new java.util.ArrayList<>();
        Batches.shuffled(train, BenchData.CLASSES, batchSize, new SplittableRandom(3)).forEach(prebuilt::add);
    }

    @Benchmark
    public void trainEpoch(Samples counter, Blackhole blackhole) {
        for (DataSet batch : Batches.shuffled(train, BenchData.CLASSES, batchSize, order)) {
            model.fit(batch);
            blackhole.consume(model.score());
        }
        counter.samples += train.size();
    }

    @Benchmark
    public void baselineFitPrebuilt(Samples counter, Blackhole blackhole) {
        for (DataSet batch : prebuilt) {
            model.fit(batch);
            blackhole.consume(model.score());
        }
        counter.samples += train.size();
    }
}
