package org.transferlab.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.data.Domain;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.TrainShare;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.DomainEntry;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.config.ModelEntry;
import org.transferlab.experiments.config.SourceGroup;
import org.transferlab.transfer.engine.NetworkFactory;

/**
 * Runs the cells of a study: loads each domain once and proves its partitions disjoint ({@link #prepare}), then
 * sends each cell down the {@link CellPipeline} (draw the budget, resolve the source model, fit and select with the
 * target's test partition sealed, evaluate) on a pool of workers, and commits each cell to the run directory as soon
 * as it finishes; cells already committed are skipped.
 */
public final class StudyRunner {
    private final Path dataDirectory;
    private final Consumer<String> progress;
    private final SourceModelStore store;

    /** A study whose data is loaded and whose budgets are known to fit: its grid and its domains. */
    public record Prepared(Grid grid, Map<String, Domain> domains) {
        public ExperimentConfig config() {
            return grid.config();
        }
    }

    /** What one invocation did: cells run and skipped, source models trained, loaded from the store or a model file, reused. */
    public record Outcome(int cellsRun, int cellsSkipped, int sourceModelsTrained, int sourceModelsLoaded,
                          int sourceModelsFromFiles, int sourceModelsReused, int embeddingsComputed, int embeddingsReused, List<String> failedCells) {
    }

    public StudyRunner(Path dataDirectory, Consumer<String> progress) {
        this(dataDirectory, progress, SourceModelStore.disabled());
    }

    /** @param store where trained source models are kept between runs */
    public StudyRunner(Path dataDirectory, Consumer<String> progress, SourceModelStore store) {
        this.dataDirectory = dataDirectory;
        this.progress = progress;
        this.store = store;
    }

    /**
     * Loads every domain the study uses, proves that no source trains on its target's test examples
     * ({@link DisjointPartitions}), and draws every budget once; fails before any training.
     */
    public Prepared prepare(Grid grid) {
        ExperimentConfig config = grid.config();
        Map<String, Domain> domains = new LinkedHashMap<>();
        List<Cell> cells = grid.cells();
        for (Cell cell : cells) {
            for (Cell single : cell.source() instanceof SourceGroup ? cell.memberCells() : List.of(cell)) {
                single.sourceDomain().ifPresent(source -> domains.computeIfAbsent(key(source, single.shares().source()),
                        k -> load(config, source, single.shares().source())));
            }
            if (cell.source() instanceof SourceGroup group) {
                domains.computeIfAbsent(CellPipeline.key(group.name(), cell.shares().source()), k -> combine(config, group,
                        cell.memberCells().stream().map(m -> domains.get(key(m.sourceDomain().orElseThrow(), m.shares().source())))
                                .toList()));
            }
            domains.computeIfAbsent(key(cell.target(), cell.shares().target()), k -> load(config, cell.target(), cell.shares().target()));
        }
        // Before any budget is drawn or anything trained: no source may train on its target's test examples.
        Map<String, DisjointPartitions.LoadedPair> pairs = new LinkedHashMap<>();
        Map<String, DisjointPartitions.ModelPair> modelPairs = new LinkedHashMap<>();
        Map<String, DisjointPartitions.TargetAlone> alone = new LinkedHashMap<>();
        for (Cell group : cells) {
            // The members of several sources are proven one by one, each against the target share the group gave it.
            for (Cell cell : group.source() instanceof SourceGroup ? group.memberCells() : List.of(group)) {
                String pair = cell.source().name() + "\u0000" + cell.target().name() + "\u0000" + cell.shares();
                if (cell.source() instanceof ModelEntry model) {
                    modelPairs.computeIfAbsent(pair, k -> new DisjointPartitions.ModelPair(model, cell.target(), target(domains, cell)));
                } else if (cell.source() instanceof DomainEntry source) {
                    pairs.computeIfAbsent(pair, k -> new DisjointPartitions.LoadedPair(source,
                            domains.get(key(source, cell.shares().source())), cell.target(), target(domains, cell), cell.shares()));
                } else {
                    alone.computeIfAbsent(pair, k -> new DisjointPartitions.TargetAlone(cell.target(), target(domains, cell)));
                }
            }
        }
        modelPairs.values().forEach(pair -> ModelInputs.check(config.file(), pair.source(), pair.target(), pair.targetData()));
        DisjointPartitions.check(config.file(), List.copyOf(pairs.values()), List.copyOf(modelPairs.values()),
                List.copyOf(alone.values())).forEach(progress);
        BudgetSampler sampler = new BudgetSampler(config.budgets().validationFraction());
        for (Cell cell : cells) {
            if (cell.seedIndex() == 0) {
                try {
                    sampler.draw(target(domains, cell), cell.budget(), cell.sampleSeed());
                } catch (TransferLabException e) {
                    throw new TransferLabException(config.file() + ": key 'budgets." + cell.budget().kind().key() + "': "
                            + e.getMessage(), e);
                }
            }
        }
        return new Prepared(grid, domains);
    }

    /** {@link #prepare(Grid)} of the config's grid. */
    public Prepared prepare(ExperimentConfig config) {
        return prepare(Grid.expand(config));
    }

    /**
     * Runs the cells of {@code shard} that {@code run} has not finished, on {@code workers} threads.
     * A cell that throws (a strategy that diverges, say) is recorded as failed with its error and the
     * other cells go on; failed cells are not marked finished, so re-running the command retries them.
     * A failure to write the run directory stops the run: nothing more could be kept.
     */
    public Outcome run(Prepared study, RunDirectory run, Shard shard, int workers) {
        List<Cell> cells = shard.select(study.grid().cells());
        Set<String> finished = run.finished();
        List<Cell> todo = cells.stream().filter(c -> !finished.contains(c.id())).toList();
        if (todo.size() < cells.size()) {
            progress.accept((cells.size() - todo.size()) + " of " + cells.size() + " cells already finished in " + run.path()
                    + "; running the other " + todo.size());
        }
        SourceModels sources = new SourceModels(store, progress);
        CellPipeline pipeline = new CellPipeline(study.domains(), new BudgetSampler(study.config().budgets().validationFraction()),
                study.config().settings().overfitCheck(), sources, study.config().selection());
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<String> failedCells = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), daemonThreads());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Cell cell : WorkOrder.roundRobinBySourceModel(todo)) {
                futures.add(pool.submit(() -> {
                    if (failure.get() != null) {
                        return;
                    }
                    try {
                        CurveBuffer curve = new CurveBuffer();
                        ResultRow row;
                        try {
                            row = pipeline.run(cell, curve, run);
                        } catch (RunDirectoryException e) {
                            throw e;
                        } catch (RuntimeException e) {
                            String message = cell.describe() + ": " + e.getMessage();
                            run.recordFailure(cell.id(), message, e);
                            failedCells.add(message);
                            progress.accept("[" + done.incrementAndGet() + "/" + todo.size() + "] FAILED " + message);
                            return;
                        }
                        run.commitCell(StoredResult.of(row), curve.csv(), row.provenance(), row.candidateRecords());
                        report(done.incrementAndGet(), todo.size(), start, cell, row);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Future<?> future : futures) {
                await(future);
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Outcome(todo.size(), cells.size() - todo.size(), sources.trained(), sources.loaded(), sources.fromFiles(),
                sources.reused(), pipeline.embeddingsComputed(), pipeline.embeddingsReused(), List.copyOf(failedCells));
    }

    private synchronized void report(int done, int total, long startNanos, Cell cell, ResultRow row) {
        long remaining = Math.round((System.nanoTime() - startNanos) / 1e9 / done * (total - done));
        String primary = TaskMetrics.withColumn(row.metrics().keySet().iterator().next()).primary();
        String outcome = row.ok() ? String.format("%s %.4f", primary, row.metric(primary)) : row.status();
        progress.accept(String.format("[%d/%d, %d left, ETA %d:%02d] %s: %s (fit %.1f s%s)", done, total,
                total - done, remaining / 60, remaining % 60, cell.describe(), outcome,
                row.fitSeconds(), row.sourceTrained() ? String.format(", source model trained in %.1f s", row.sourceSeconds()) : ""));
    }

    private Domain load(ExperimentConfig config, DomainEntry entry, TrainShare share) {
        progress.accept("loading domain " + entry.name() + (share == TrainShare.ALL ? "" : " (" + share.name().toLowerCase().replace('_', ' ') + ")"));
        try {
            Domain domain = entry.load(new LoadContext(dataDirectory, share));
            // Before any training: a network that cannot read the domain would fail every cell, one by one.
            NetworkFactory.checkInput(config.network(), domain.shape());
            return domain;
        } catch (TransferLabException e) {
            // The loader names the data file and what is wrong in it; say which part of the config led there.
            throw new TransferLabException(config.file() + ":" + entry.line() + ": domain '" + entry.name() + "': "
                    + e.getMessage(), e);
        }
    }

    private static Domain combine(ExperimentConfig config, SourceGroup group, List<Domain> members) {
        try {
            return SourceUnion.of(group.name(), members);
        } catch (TransferLabException e) {
            throw new TransferLabException(config.file() + ":" + group.line() + ": " + e.getMessage(), e);
        }
    }

    private static Domain target(Map<String, Domain> domains, Cell cell) {
        return domains.get(key(cell.target(), cell.shares().target()));
    }

    private static String key(DomainEntry entry, TrainShare share) {
        return CellPipeline.key(entry.name(), share);
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "transferlab-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
