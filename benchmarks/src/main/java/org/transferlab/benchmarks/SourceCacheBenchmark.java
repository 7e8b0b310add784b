package org.transferlab.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.run.Cell;
import org.transferlab.experiments.run.Grid;
import org.transferlab.experiments.run.SourceModelCache;
import org.transferlab.experiments.run.SourceModelStore;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * What a cell pays for its source model: a miss trains it ({@link SourceTrainer}, the default MLP
 * 784-256-128 for one epoch on 3,000 examples) and stores it; a disk hit loads it from the
 * {@link SourceModelStore} (checksum, DL4J model zip); a memory hit is the {@link SourceModelCache}
 * handing the same model to another cell of the run. Time per lookup.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SourceCacheBenchmark {
    private Domain source;
    private Cell cell;
    private Path directory;
    private SourceModelStore store;
    private String key;
    private SourceModelCache memory;
    private SourceModel trained;
    private Map<Long, SourceModel> plainMap;

    @Setup
    public void store() throws IOException {
        Nd4jThreads.use(1);
        source = new SyntheticLoader().load("source", new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 5, 784,
                3_000, 100, 2, 1, 0, 1, 2, 3), LoadContext.of(Path.of("unused")));
        String yaml = String.join("\n",
                "name: source-cache",
                "domains:",
                "  source: {loader: synthetic, classes: 5, features: 784, train-size: 3000, test-size: 100}",
                "  target: {loader: synthetic, classes: 5, features: 784, train-size: 3000, test-size: 100, shift: 0.5}",
                "network: {type: mlp, hidden: [256, 128], epochs: 1}",
                "pairs:",
                "  - {source: source, target: target}",
                "strategies:",
                "  feature-extraction: {}",
                "budgets:",
                "  per-class: [10]",
                "");
        cell = Grid.expand(new ConfigLoader(Plugins.discover()).parse("source-cache.yaml", yaml)).cells().get(0);
        directory = Files.createTempDirectory("source-cache-bench");
        store = new SourceModelStore(directory, message -> { });
        key = SourceModelStore.key(cell, source.provenance());
        trained = SourceTrainer.train(source, cell.network(), cell.sourceSeed(), TrainingLog.NONE);
        store.save(key, trained);
        memory = new SourceModelCache();
        memory.get(cell.sourceSeed(), () -> trained);
        plainMap = new java.util.concurrent.ConcurrentHashMap<>(Map.of(cell.sourceSeed(), trained));
    }

    @TearDown
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public SourceModel missTrainAndStore() {
        SourceModel model = SourceTrainer.train(source, cell.network(), cell.sourceSeed(), TrainingLog.NONE);
        store.save(key, model);
        return model;
    }

    @Benchmark
    public SourceModel diskHit() {
        return store.load(key, cell, source.classNames(), source.shape()).orElseThrow();
    }

    @Benchmark
    public SourceModel memoryHit() {
        return memory.get(cell.sourceSeed(), () -> {
            throw new IllegalStateException("the model is cached; nothing should train");
        }).model();
    }

    /** Baseline of the in-memory hit: a map lookup, what the cache's bookkeeping adds to. */
    @Benchmark
    public Object baselineMapLookup() {
        return plainMap.get(cell.sourceSeed());
    }
}
