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
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.SealedTestAccess;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.TrainShare;
import org.transferlab.core.metrics.ClassificationMetrics;
import org.transferlab.core.metrics.ClusteringMetrics;
import org.transferlab.core.metrics.RegressionMetrics;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.DomainEntry;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.config.ModelEntry;
import org.transferlab.experiments.config.NoSource;
import org.transferlab.experiments.config.OverfitCheck;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;

/**
 * Runs the cells of a study: loads each domain once, draws each cell's label budget, trains or reuses
 * the source model, fits the strategy with the target's test partition sealed, and only then opens the
 * test partition to evaluate what the strategy returned. Cells run on a pool of workers and each is
 * committed to the run directory as soon as it finishes; cells already committed are skipped.
 */
public final class StudyRunner {
    private final Path dataDirectory;
    private final Consumer<String> progress;
    private final SourceModelStore store;
    private final Set<Long> loadedFromStore = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<Long> readFromFile = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
            cell.sourceDomain().ifPresent(source ->
                    domains.computeIfAbsent(key(source, cell.shares().source()), k -> load(config, source, cell.shares().source())));
            domains.computeIfAbsent(key(cell.target(), cell.shares().target()), k -> load(config, cell.target(), cell.shares().target()));
        }
        // Before any budget is drawn or anything trained: no source may train on its target's test examples.
        Map<String, DisjointPartitions.LoadedPair> pairs = new LinkedHashMap<>();
        Map<String, DisjointPartitions.ModelPair> modelPairs = new LinkedHashMap<>();
        Map<String, DisjointPartitions.TargetAlone> alone = new LinkedHashMap<>();
        for (Cell cell : cells) {
            String pair = cell.source().name() + "\u0000" + cell.target().name();
            if (cell.source() instanceof ModelEntry model) {
                modelPairs.computeIfAbsent(pair, k -> new DisjointPartitions.ModelPair(model, cell.target(), target(domains, cell)));
            } else if (cell.source() instanceof DomainEntry source) {
                pairs.computeIfAbsent(pair, k -> new DisjointPartitions.LoadedPair(source,
                        domains.get(key(source, cell.shares().source())), cell.target(), target(domains, cell), cell.shares()));
            } else {
                alone.computeIfAbsent(pair, k -> new DisjointPartitions.TargetAlone(cell.target(), target(domains, cell)));
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
        BudgetSampler sampler = new BudgetSampler(study.config().budgets().validationFraction());
        SourceModelCache sources = new SourceModelCache();
        EmbeddingCache embeddings = new EmbeddingCache();
        SourceArtifactCache artifacts = new SourceArtifactCache();
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
                            row = runCell(cell, study.domains(), sampler, sources, embeddings, artifacts, curve, run,
                                    study.config().settings().overfitCheck());
                        } catch (RunDirectoryException e) {
                            throw e;
                        } catch (RuntimeException e) {
                            String message = cell.describe() + ": " + e.getMessage();
                            run.recordFailure(cell.id(), message, e);
                            failedCells.add(message);
                            progress.accept("[" + done.incrementAndGet() + "/" + todo.size() + "] FAILED " + message);
                            return;
                        }
                        run.commitCell(StoredResult.of(row), curve.csv(), row.provenance());
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
        int loaded = (int) todo.stream().map(Cell::sourceSeed).distinct().filter(loadedFromStore::contains).count();
        int fromFiles = (int) todo.stream().map(Cell::sourceSeed).distinct().filter(readFromFile::contains).count();
        return new Outcome(todo.size(), cells.size() - todo.size(), sources.trained() - loaded - fromFiles, loaded, fromFiles,
                sources.reused(),
                embeddings.computed(), embeddings.reused(), List.copyOf(failedCells));
    }

    private synchronized void report(int done, int total, long startNanos, Cell cell, ResultRow row) {
        long remaining = Math.round((System.nanoTime() - startNanos) / 1e9 / done * (total - done));
        String primary = TaskMetrics.withColumn(row.metrics().keySet().iterator().next()).primary();
        String outcome = row.ok() ? String.format("%s %.4f", primary, row.metric(primary)) : row.status();
        progress.accept(String.format("[%d/%d, %d left, ETA %d:%02d] %s: %s (fit %.1f s%s)", done, total,
                total - done, remaining / 60, remaining % 60, cell.describe(), outcome,
                row.fitSeconds(), row.sourceTrained() ? String.format(", source model trained in %.1f s", row.sourceSeconds()) : ""));
    }

    private ResultRow runCell(Cell cell, Map<String, Domain> domains, BudgetSampler sampler, SourceModelCache sources,
                              EmbeddingCache embeddings, SourceArtifactCache artifacts, CurveBuffer curve, RunDirectory run,
                              OverfitCheck overfitCheck) {
        // Empty for a model file's pair: it has a network and no source examples.
        java.util.Optional<Domain> source = cell.sourceDomain().map(d -> domains.get(key(d, cell.shares().source())));
        Domain target = target(domains, cell);
        // The oracle is a reference, not a competitor: it may see every label of the train partition.
        LabelledSplit drawn = cell.strategy().strategy().usesAllTargetLabels()
                ? sampler.draw(target, org.transferlab.core.budget.LabelBudget.total(target.train().size()), cell.sampleSeed())
                : sampler.draw(target, cell.budget(), cell.sampleSeed());
        // A clustering target's classes are for scoring only: the strategy gets its budget without them.
        boolean clustering = target.task() == TaskType.CLUSTERING;
        LabelledSplit budget = clustering ? withoutLabels(drawn) : drawn;
        AtomicReference<SourceModelCache.Lookup> used = new AtomicReference<>();
        java.util.function.Supplier<SourceModel> sourceModel = () -> {
            if (used.get() == null) {
                if (cell.source() instanceof NoSource) {
                    throw new NotApplicableException("it needs a source model, and pair " + NoSource.NAME + " → "
                            + cell.target().name() + " has no source");
                }
                used.set(sources.get(cell.sourceSeed(), () -> source.isPresent() ? trainSource(source.get(), cell, run)
                        : readSource((ModelEntry) cell.source(), cell)));
            }
            return used.get().model();
        };
        java.util.function.IntFunction<LabelledSplit> embeddedBudget = layer -> {
            Examples all = embeddings.get(cell.sourceSeed() + "/" + key(cell.target(), cell.shares().target()) + "/" + layer,
                    () -> TransferContext.embedded(sourceModel.get(), target.train(), layer));
            LabelledSplit split = new LabelledSplit(all.subset(budget.trainRows()), all.subset(budget.validationRows()),
                    budget.trainRows(), budget.validationRows());
            return clustering ? withoutLabels(split) : split;
        };
        long start = System.nanoTime();
        TransferContext.SourceData sourceData = source.map(s -> new TransferContext.SourceData(s.classNames(), s.train(),
                cell.sourceSeed())).orElse(TransferContext.SourceData.NONE);
        Selection chosen;
        try {
            chosen = select(cell, candidate -> new TransferContext(target.name(), target.task(), target.classNames(),
                    target.shape(), budget, cell.network(), sourceModel, cell.fitSeed(),
                    candidate == null ? curve : prefixed(curve, candidate), embeddedBudget, sourceData, target.train().withoutLabels())
                    .withSourceArtifacts(artifacts.forSource(cell.sourceSeed() + "/" + cell.source().name() + "@"
                            + cell.shares().source().name().toLowerCase().replace('_', '-'))));
        } catch (NotApplicableException e) {
            return new ResultRow(cell, cell.strategy().candidates().get(0), cell.strategy().candidates().size(), "",
                    budget.train().size(), budget.validation().size(), target.test().size(), TaskMetrics.of(target.task()).none(),
                    org.transferlab.transfer.engine.FitSummary.NONE, OverfitCheck.Judgement.NOT_JUDGED, Map.of(), false, 0, (System.nanoTime() - start) / 1e9, 0,
                    "", "not applicable: " + e.getMessage());
        }
        Fitted fitted = chosen.fitted();
        double sourceSeconds = used.get() == null ? 0 : used.get().seconds();
        double fitSeconds = (System.nanoTime() - start) / 1e9 - sourceSeconds;

        long evalStart = System.nanoTime();
        Examples test = target.test().open();
        Map<String, Double> metrics = score(target, fitted, test);
        double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
        SourceModelCache.Lookup lookup = used.get();
        return new ResultRow(cell, chosen.parameters(), cell.strategy().candidates().size(), chosen.selectedBy(),
                budget.train().size(), budget.validation().size(), test.size(), metrics,
                fitted.summary(), overfitCheck.judge(target.task(), fitted.summary(), budget.validation().size()),
                lookup == null ? Map.of() : lookup.model().metrics(),
                lookup != null && lookup.trained() && !loadedFromStore.contains(cell.sourceSeed())
                        && !readFromFile.contains(cell.sourceSeed()), sourceSeconds,
                fitSeconds, evalSeconds, fitted.provenance(), ResultRow.OK);
    }

    /** The task's test metrics of what the strategy returned: the only place a test partition is read. */
    private static Map<String, Double> score(Domain target, Fitted fitted, Examples test) {
        return switch (target.task()) {
            case CLASSIFICATION -> ClassificationMetrics.score(test.classes(), fitted.predictClasses(test), target.classNames());
            case REGRESSION -> RegressionMetrics.score(test.values(), fitted.predictValues(test));
            case CLUSTERING -> ClusteringMetrics.score(test.classes(), fitted.predictClasses(test));
        };
    }

    private static LabelledSplit withoutLabels(LabelledSplit split) {
        return new LabelledSplit(split.train().withoutLabels(), split.validation().withoutLabels(), split.trainRows(),
                split.validationRows());
    }

    /** The fitted candidate a cell keeps, and why. */
    private record Selection(Record parameters, Fitted fitted, String selectedBy) {
    }

    /**
     * Fits every parameter candidate of the cell's strategy on the label budget and keeps the one with
     * the best validation score — accuracy, or R² for regression — (ties, or no score: lower validation
     * loss; then config order). The test partition
     * stays sealed throughout: selection sees only the budget's validation split.
     */
    private static Selection select(Cell cell, java.util.function.Function<String, TransferContext> contexts) {
        List<Record> candidates = cell.strategy().candidates();
        if (candidates.size() == 1) {
            return new Selection(candidates.get(0), fit(cell, candidates.get(0), contexts.apply(null)), "only candidate");
        }
        Selection first = null;
        Selection best = null;
        for (int i = 0; i < candidates.size(); i++) {
            Record candidate = candidates.get(i);
            Fitted fitted = fit(cell, candidate, contexts.apply("candidate " + (i + 1) + "/" + candidates.size()));
            if (first == null) {
                first = new Selection(candidate, fitted, "no validation data: first candidate");
            }
            if (best == null || better(fitted, best.fitted())) {
                best = new Selection(candidate, fitted, Double.isNaN(fitted.summary().validationAccuracy()) ? "validation loss"
                        : cell.target().task() == TaskType.REGRESSION ? "validation R²" : "validation accuracy");
            }
        }
        FitSummary kept = best.fitted().summary();
        return Double.isNaN(kept.validationAccuracy()) && Double.isNaN(kept.validationLoss()) ? first : best;
    }

    private static boolean better(Fitted candidate, Fitted best) {
        double a = candidate.summary().validationAccuracy();
        double b = best.summary().validationAccuracy();
        if (!Double.isNaN(a) && !Double.isNaN(b) && a != b) {
            return a > b;
        }
        if (!Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (Double.isNaN(a) && !Double.isNaN(b)) {
            return false;
        }
        return candidate.summary().validationLoss() < best.summary().validationLoss();
    }

    private static Fitted fit(Cell cell, Record parameters, TransferContext context) {
        return SealedTestAccess.sealed("strategy '" + cell.strategy().name() + "'", () -> cell.strategy().fit(parameters, context));
    }

    private static org.transferlab.transfer.engine.TrainingLog prefixed(CurveBuffer curve, String candidate) {
        return (phase, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy) ->
                curve.epoch(candidate + " " + phase, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy);
    }

    /** A model file's network, read when the config was loaded, as the source model of every cell of its pairs. */
    private SourceModel readSource(ModelEntry model, Cell cell) {
        readFromFile.add(cell.sourceSeed());
        progress.accept("using model file " + model.model().file() + " (SHA-256 " + model.model().sha256().substring(0, 12)
                + ", cut at layer " + model.model().cutAt() + ") as the source model '" + model.name() + "'");
        return model.model().sourceModel(cell.network());
    }

    private SourceModel trainSource(Domain source, Cell cell, RunDirectory run) {
        String key = SourceModelStore.key(cell, source.provenance());
        return store.exclusively(key, () -> loadOrTrainSource(key, source, cell, run));
    }

    private SourceModel loadOrTrainSource(String key, Domain source, Cell cell, RunDirectory run) {
        java.util.Optional<SourceModel> stored = store.load(key, cell, source.classNames(), source.shape());
        if (stored.isPresent()) {
            loadedFromStore.add(cell.sourceSeed());
            progress.accept("loaded the source model for " + source.name() + " (seed " + cell.seedIndex() + ") from the cache");
            return stored.get();
        }
        progress.accept("training the source model on " + source.name() + " (" + source.train().size()
                + " examples, " + cell.network().type().name().toLowerCase() + ", " + cell.network().epochs()
                + " epochs, seed " + cell.seedIndex() + ")");
        CurveBuffer curve = new CurveBuffer();
        SourceModel model = SourceTrainer.train(source, cell.network(), cell.sourceSeed(), curve);
        run.write(RunDirectory.CURVES + "/source-" + Long.toHexString(cell.sourceSeed()) + ".csv", curve.csv());
        store.save(key, model);
        return model;
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

    private static Domain target(Map<String, Domain> domains, Cell cell) {
        return domains.get(key(cell.target(), cell.shares().target()));
    }

    private static String key(DomainEntry entry, TrainShare share) {
        return entry.name() + "@" + share.name().toLowerCase().replace('_', '-');
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
