package org.transferlab.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.head.TribuoHead;

/**
 * Training a Tribuo head on cached embeddings, what a {@code tribuo-head} cell costs once the target's
 * embeddings are computed: 128-d embeddings (the CNN's last hidden layer) of a label budget of
 * {@code labels} examples in 5 classes, with well-separated class means as real embeddings have.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TribuoHeadBenchmark {
    private static final int WIDTH = 128;
    private static final List<String> CLASSES = List.of("a", "b", "c", "d", "e");

    @Param({"logistic", "linear_sgd"})
    public String classifier;

    @Param({"100", "1000"})
    public int labels;

    private Examples embeddings;
    private TribuoHead.Parameters parameters;

    @Setup
    public void embed() {
        SplittableRandom random = new SplittableRandom(5);
        float[][] means = new float[CLASSES.size()][WIDTH];
        for (float[] mean : means) {
            for (int j = 0; j < WIDTH; j++) {
                mean[j] = (float) (random.nextDouble() * 2);
            }
        }
        float[] x = new float[labels * WIDTH];
        int[] y = new int[labels];
        for (int i = 0; i < labels; i++) {
            y[i] = i % CLASSES.size();
            for (int j = 0; j < WIDTH; j++) {
                x[i * WIDTH + j] = Math.max(0, means[y[i]][j] + (float) random.nextGaussian());
            }
        }
        embeddings = Examples.classified(x, WIDTH, y);
        parameters = new TribuoHead.Parameters(TribuoHead.Classifier.valueOf(classifier.toUpperCase(java.util.Locale.ROOT)),
                -1, 1.0, 20, 50);
    }

    @Benchmark
    public TribuoHead.Head trainHead() {
        return TribuoHead.train(embeddings, CLASSES, parameters, 42, "benchmark embeddings");
    }
}
