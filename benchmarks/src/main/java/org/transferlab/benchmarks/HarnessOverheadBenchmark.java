package org.transferlab.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.RunDirectory;
import org.transferlab.experiments.run.Shard;
import org.transferlab.experiments.run.StudyRunner;

/**
 * The harness's cost per cell: 100 cells of the {@link MajorityClass} strategy (which costs nothing
 * and needs no source model) on a small synthetic pair, run by {@link StudyRunner} into a fresh run
 * directory on one worker. Each cell draws its budget, builds its context, fits, is evaluated on 400
 * test examples and is committed (result row, curve, provenance) to disk. Time per cell.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HarnessOverheadBenchmark {
    static final int CELLS = 100;
    private StudyRunner runner;
    private StudyRunner.Prepared study;
    private ExperimentConfig config;
    private Path runs;
    private int invocation;

    @Setup
    public void prepare() throws IOException {
        String budgets = IntStream.rangeClosed(1, CELLS / 2).mapToObj(Integer::toString)
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        String yaml = String.join("\n",
                "name: harness-overhead",
                "seeds: 2",
                "domains:",
                "  source: {loader: synthetic, classes: 4, features: 32, train-size: 2000, test-size: 400}",
                "  target: {loader: synthetic, classes: 4, features: 32, train-size: 2000, test-size: 400, shift: 0.5, sample-seed: 7}",
                "network: {type: mlp, hidden: [16], epochs: 1}",
                "pairs:",
                "  - {source: source, target: target}",
                "strategies:",
                "  majority-class: {}",
                "budgets:",
                "  per-class: [" + budgets + "]",
                "");
        config = new ConfigLoader(Plugins.discover()).parse("harness-overhead.yaml", yaml);
        runs = Files.createTempDirectory("harness-bench");
        runner = new StudyRunner(runs, message -> { });
        study = runner.prepare(config);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(runs)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(CELLS)
    public StudyRunner.Outcome runCells() {
        RunDirectory run = RunDirectory.open(runs.resolve("run-" + invocation++), config.text(), config.digest(), false);
        StudyRunner.Outcome outcome = runner.run(study, run, Shard.ALL, 1);
        if (outcome.cellsRun() != CELLS || !outcome.failedCells().isEmpty()) {
            throw new IllegalStateException("expected " + CELLS + " cells to run, got " + outcome);
        }
        return outcome;
    }
}
