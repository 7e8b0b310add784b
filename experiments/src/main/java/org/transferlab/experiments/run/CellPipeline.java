package org.transferlab.experiments.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.metrics.ClassificationMetrics;
import org.transferlab.core.metrics.ClusteringMetrics;
import org.transferlab.core.metrics.RegressionMetrics;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.NoSource;
import org.transferlab.experiments.config.OverfitCheck;
import org.transferlab.experiments.config.SelectionSetting;
import org.transferlab.experiments.config.SourceGroup;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * One cell's path, top to bottom: draw its label budget, resolve its source model ({@link SourceModels}), fit and
 * select among the strategy's candidates with the test partition sealed ({@link CandidateSelection}), and only then
 * open the test partition to evaluate what was kept; the runner commits the row. The context a strategy fits with
 * holds what these stages made (the budget, the resolved model, the run's caches of embeddings and source
 * artifacts); nothing it offers trains, loads or writes on the harness's behalf. Shared by a run's workers.
 */
final class CellPipeline {
    private final Map<String, Domain> domains;
    private final BudgetSampler sampler;
    private final OverfitCheck overfitCheck;
    private final SourceModels sources;
    private final EmbeddingCache embeddings = new EmbeddingCache();
    private final SourceArtifactCache artifacts = new SourceArtifactCache();
    private final SelectionSetting selection;
    private final Map<String, CandidateValidation> validations = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param domains   the study's loaded domains, by {@link #key}
     * @param selection how cells choose among candidates, and the validators that score them
     */
    CellPipeline(Map<String, Domain> domains, BudgetSampler sampler, OverfitCheck overfitCheck, SourceModels sources,
                 SelectionSetting selection) {
        this.domains = domains;
        this.sampler = sampler;
        this.overfitCheck = overfitCheck;
        this.sources = sources;
        this.selection = selection;
    }

    /** The budget a strategy gets, and whether its labels were erased (a clustering target's are for scoring only). */
    record CellBudget(LabelledSplit split, boolean withoutLabels) {
    }

    /** What the test partition said about the kept model. */
    record Evaluation(Map<String, Double> metrics, int testSize, double seconds) {
    }

    ResultRow run(Cell cell, CurveBuffer curve, RunDirectory run) {
        Optional<Domain> source = sourceDomain(cell);
        Domain target = domains.get(key(cell.target().name(), cell.shares().target()));
        CellBudget budget = drawBudget(cell, target);
        SourceModels.Resolved model = sources.resolve(cell, source, run);
        long start = System.nanoTime();
        CandidateSelection.Selection chosen;
        try {
            chosen = CandidateSelection.select(cell, candidate -> {
                TrainingLog log = candidate == null ? curve : prefixed(curve, candidate);
                return context(cell, source, target, budget, model, log).withSingleSources(cell.memberCells().stream()
                        .map(member -> new TransferContext.SingleSource(member.source().name(),
                                memberContext(member, target, budget, run, log))).toList());
            }, selection, () -> validation(cell, source, target), budget.split().validation().size() > 0);
        } catch (NotApplicableException e) {
            return new ResultRow(cell, cell.strategy().candidates().get(0), cell.strategy().candidates().size(), "",
                    budget.split().train().size(), budget.split().validation().size(), target.test().size(),
                    TaskMetrics.of(target.task()).none(), FitSummary.NONE, OverfitCheck.Judgement.NOT_JUDGED, Map.of(),
                    model.trainedBy(), model.seconds(), (System.nanoTime() - start) / 1e9, 0, "", "not applicable: " + e.getMessage(),
                    List.of());
        }
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        Evaluation evaluation = evaluate(target, chosen.fitted());
        FitSummary fit = chosen.fitted().summary();
        List<CandidateRecord> records = records(cell, target, chosen, evaluation, budget.split().validation().size() > 0);
        return new ResultRow(cell, chosen.parameters(), cell.strategy().candidates().size(), chosen.selectedBy(),
                budget.split().train().size(), budget.split().validation().size(), evaluation.testSize(), evaluation.metrics(),
                fit, overfitCheck.judge(target.task(), fit, budget.split().validation().size()),
                model.model().map(SourceModel::metrics).orElse(Map.of()), model.trainedBy(), model.seconds(), fitSeconds,
                evaluation.seconds(), chosen.fitted().provenance(), ResultRow.OK, records);
    }

    /**
     * What a cell with several candidates knew of each when it chose, and each one's test score, measured now that the
     * choice is made (the kept one's is the cell's own); none for a cell with one candidate.
     */
    private static List<CandidateRecord> records(Cell cell, Domain target, CandidateSelection.Selection chosen, Evaluation kept,
                                                 boolean labelled) {
        if (chosen.candidates().size() < 2) {
            return List.of();
        }
        String primary = TaskMetrics.of(target.task()).primary();
        List<CandidateRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < chosen.candidates().size(); i++) {
            CandidateSelection.Candidate candidate = chosen.candidates().get(i);
            boolean isKept = candidate.fitted() == chosen.fitted();
            double test = (isKept ? kept : evaluate(target, candidate.fitted())).metrics().get(primary);
            // Only a score on target labels is the target's validation; without a split it was the strategy's own, on the source.
            records.add(new CandidateRecord(cell.id(), i + 1, candidate.parameters().toString(), isKept,
                    labelled ? candidate.fitted().summary().validationAccuracy() : Double.NaN, candidate.scores(), test));
        }
        return records;
    }

    /** What the validators of a cell read: drawn once per source, target and seed, for every strategy and budget. */
    private CandidateValidation validation(Cell cell, Optional<Domain> source, Domain target) {
        String key = key(cell.source().name(), cell.shares().source()) + "/" + key(cell.target().name(), cell.shares().target())
                + "/" + cell.seedIndex();
        return validations.computeIfAbsent(key, k -> CandidateValidation.of(selection.validators(), source, target,
                org.transferlab.core.seed.Seeds.derive(cell.baseSeed(), "validation", cell.source().canonical(),
                        cell.target().canonical(), cell.shares(), cell.seedIndex())));
    }

    /** Draws the cell's budget: the same for every strategy of its target, budget and seed, all labels for the oracle. */
    private CellBudget drawBudget(Cell cell, Domain target) {
        // The oracle is a reference, not a competitor: it may see every label of the train partition.
        LabelledSplit drawn = cell.strategy().strategy().usesAllTargetLabels()
                ? sampler.draw(target, LabelBudget.total(target.train().size()), cell.sampleSeed())
                : sampler.draw(target, cell.budget(), cell.sampleSeed());
        boolean clustering = target.task() == TaskType.CLUSTERING;
        return new CellBudget(clustering ? withoutLabels(drawn) : drawn, clustering);
    }

    /** The source domain a cell's source network is trained on: its own, or its several sources' union. */
    private Optional<Domain> sourceDomain(Cell cell) {
        return sourceDomain(cell, domains);
    }

    /** The source domain of {@code cell} among a study's loaded domains: its own, or its several sources' union. */
    static Optional<Domain> sourceDomain(Cell cell, Map<String, Domain> domains) {
        if (cell.source() instanceof SourceGroup group) {
            return Optional.of(domains.get(key(group.name(), cell.shares().source())));
        }
        return cell.sourceDomain().map(d -> domains.get(key(d.name(), cell.shares().source())));
    }

    /**
     * The context of a member of several sources, as its own pair's cell would have it. Its source model is resolved
     * when a strategy first asks for it, since only the strategies that use the sources apart do.
     */
    private TransferContext memberContext(Cell member, Domain target, CellBudget budget, RunDirectory run, TrainingLog log) {
        Optional<Domain> source = sourceDomain(member);
        Supplier<SourceModels.Resolved> resolved = memoized(() -> sources.resolve(member, source, run));
        return context(member, source, target, budget, () -> resolved.get().model(), log);
    }

    private static <T> Supplier<T> memoized(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }

    private TransferContext context(Cell cell, Optional<Domain> source, Domain target, CellBudget budget,
                                    SourceModels.Resolved resolved, TrainingLog log) {
        return context(cell, source, target, budget, resolved::model, log);
    }

    private TransferContext context(Cell cell, Optional<Domain> source, Domain target, CellBudget budget,
                                    Supplier<Optional<SourceModel>> resolved, TrainingLog log) {
        Supplier<SourceModel> model = () -> resolved.get().orElseThrow(() -> missingSourceModel(cell));
        LabelledSplit split = budget.split();
        IntFunction<LabelledSplit> embeddedBudget = layer -> {
            Examples all = embeddings.get(cell.sourceSeed() + "/" + key(cell.target().name(), cell.shares().target()) + "/" + layer,
                    () -> TransferContext.embedded(model.get(), target.train(), layer));
            LabelledSplit embedded = new LabelledSplit(all.subset(split.trainRows()), all.subset(split.validationRows()),
                    split.trainRows(), split.validationRows());
            return budget.withoutLabels() ? withoutLabels(embedded) : embedded;
        };
        TransferContext.SourceData sourceData = source.map(s -> new TransferContext.SourceData(s.classNames(), s.train(),
                cell.sourceSeed())).orElse(TransferContext.SourceData.NONE);
        return new TransferContext(target.name(), target.task(), target.classNames(), target.shape(), split, cell.network(),
                model, cell.fitSeed(), log, embeddedBudget, sourceData, target.train().withoutLabels())
                .withSourceArtifacts(artifacts.forSource(cell.sourceSeed() + "/" + key(cell.source().name(), cell.shares().source())));
    }

    private static RuntimeException missingSourceModel(Cell cell) {
        if (cell.source() instanceof NoSource) {
            return new NotApplicableException("it needs a source model, and pair " + NoSource.NAME + " → " + cell.target().name()
                    + " has no source");
        }
        return new IllegalStateException("strategy '" + cell.strategy().name() + "' says it reads no source model with these "
                + "parameters (usesSourceModel), but asked for one");
    }

    /** The task's test metrics of what the strategy returned: the only place a test partition is read. */
    private static Evaluation evaluate(Domain target, Fitted fitted) {
        long start = System.nanoTime();
        Examples test = target.test().open();
        Map<String, Double> metrics = switch (target.task()) {
            case CLASSIFICATION -> ClassificationMetrics.score(test.classes(), fitted.predictClasses(test), target.classNames());
            case REGRESSION -> RegressionMetrics.score(test.values(), fitted.predictValues(test));
            case CLUSTERING -> ClusteringMetrics.score(test.classes(), fitted.predictClasses(test));
        };
        return new Evaluation(metrics, test.size(), (System.nanoTime() - start) / 1e9);
    }

    private static LabelledSplit withoutLabels(LabelledSplit split) {
        return new LabelledSplit(split.train().withoutLabels(), split.validation().withoutLabels(), split.trainRows(),
                split.validationRows());
    }

    private static TrainingLog prefixed(CurveBuffer curve, String candidate) {
        return (phase, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy) ->
                curve.epoch(candidate + " " + phase, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy);
    }

    int embeddingsComputed() {
        return embeddings.computed();
    }

    int embeddingsReused() {
        return embeddings.reused();
    }

    /** How the study's domains are keyed: a domain by name and the share of its train partition it was loaded with. */
    static String key(String domain, org.transferlab.core.loader.TrainShare share) {
        return domain + "@" + share.name().toLowerCase().replace('_', '-');
    }
}
