package org.transferlab.testkit;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * The small synthetic source and target that {@link StrategyContract} fits, one pair per task, made once per
 * JVM: a shifted target that transfer helps with, a budget drawn from its train partition, and a small MLP
 * source model trained on the source. What a context holds is what the harness gives a strategy: the budget,
 * the source's train partition and the target's train partition without labels, never a test partition.
 */
final class ContractTargets {
    /** The network every contract fit uses: two small hidden layers, a few epochs. */
    static final NetworkSpec NETWORK = new NetworkSpec(NetworkSpec.Type.MLP, List.of(16, 8), List.of(), 2, 32, 0.01, 1);
    private static final LoadContext NO_FILES = LoadContext.of(Path.of("unused"));
    private static final Map<TaskType, ContractTargets> BY_TASK = new EnumMap<>(TaskType.class);

    final TaskType task;
    final Domain source;
    final Domain target;
    final SourceModel sourceModel;
    private final LabelledSplit budget;

    private ContractTargets(TaskType task, Domain source, Domain target, SourceModel sourceModel) {
        this.task = task;
        this.source = source;
        this.target = target;
        this.sourceModel = sourceModel;
        LabelledSplit drawn = new BudgetSampler(0.2).draw(target, task == TaskType.CLASSIFICATION
                ? LabelBudget.perClass(20) : LabelBudget.total(60), 3);
        // The harness erases a clustering target's labels before any clusterer sees its budget.
        this.budget = task != TaskType.CLUSTERING ? drawn : new LabelledSplit(drawn.train().withoutLabels(),
                drawn.validation().withoutLabels(), drawn.trainRows(), drawn.validationRows());
    }

    /** The source and target of {@code task}, made on first use. */
    static synchronized ContractTargets of(TaskType task) {
        return BY_TASK.computeIfAbsent(task, ContractTargets::make);
    }

    private static ContractTargets make(TaskType task) {
        return switch (task) {
            case CLASSIFICATION -> {
                Domain source = classes("source", TaskType.CLASSIFICATION, 2, 0, 11);
                yield new ContractTargets(task, source, classes("target", TaskType.CLASSIFICATION, 2, 0.5, 12),
                        SourceTrainer.train(source, NETWORK, 5, TrainingLog.NONE));
            }
            case CLUSTERING -> {
                Domain source = classes("source", TaskType.CLASSIFICATION, 4, 0, 23);
                yield new ContractTargets(task, source, classes("target", TaskType.CLUSTERING, 4, 0.3, 24),
                        SourceTrainer.train(source, NETWORK, 5, TrainingLog.NONE));
            }
            // Regression strategies train their own source models from the source data; the network source is
            // the clustering pair's, as every context needs one.
            case REGRESSION -> new ContractTargets(task, regression("source", 0, 21), regression("target", 0.3, 22),
                    of(TaskType.CLUSTERING).sourceModel);
        };
    }

    private static Domain classes(String name, TaskType task, double separation, double shift, long sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(task, 3, 10, 600, 300,
                separation, 1, shift, 1, 2, sampleSeed), NO_FILES);
    }

    private static Domain regression(String name, double shift, long sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.REGRESSION, 1, 6, 300, 200,
                1, 0.5, shift, 1, 2, sampleSeed), NO_FILES);
    }

    /** The context of a fit with {@code seed}, recording learning curves into {@code log}. */
    TransferContext context(long seed, TrainingLog log) {
        return context(budget, seed, log);
    }

    /** As {@link #context(long, TrainingLog)}, with the budget's targets replaced by other ones. */
    TransferContext contextWithOtherLabels(long seed) {
        return context(new LabelledSplit(relabel(budget.train()), relabel(budget.validation()), budget.trainRows(),
                budget.validationRows()), seed, TrainingLog.NONE);
    }

    /** As {@link #context(long, TrainingLog)}, as the harness gives it to a fit that says it reads no source model. */
    TransferContext contextWithoutSourceModel(long seed) {
        return context(budget, seed, TrainingLog.NONE, () -> {
            throw new AssertionError("the strategy says it reads no source model (usesSourceModel), but asked for one");
        });
    }

    private TransferContext context(LabelledSplit split, long seed, TrainingLog log) {
        return context(split, seed, log, () -> sourceModel);
    }

    /**
     * The context of a pair of two sources, as the harness gives it: the source model and data are those of the
     * sources combined, and each single source (the source, and a second model of it trained with another seed) is
     * there apart, for the strategies that use the sources one by one.
     */
    private TransferContext context(LabelledSplit split, long seed, TrainingLog log,
                                    java.util.function.Supplier<SourceModel> model) {
        java.util.function.Supplier<SourceModel> second = () -> {
            model.get();
            return secondSourceModel();
        };
        return single(split, seed, log, model).withSingleSources(List.of(
                new TransferContext.SingleSource("source", single(split, seed, log, model)),
                new TransferContext.SingleSource("source-reseeded", single(split, seed, log, second))));
    }

    private TransferContext single(LabelledSplit split, long seed, TrainingLog log,
                                   java.util.function.Supplier<SourceModel> model) {
        TransferContext.SourceData sourceData = task == TaskType.CLASSIFICATION
                ? new TransferContext.SourceData(source.classNames(), source.train())
                : new TransferContext.SourceData(source.classNames(), source.train(), 7);
        return new TransferContext(target.name(), target.task(), target.classNames(), target.shape(), split, NETWORK,
                model, seed, log).withAdaptationData(sourceData, target.train().withoutLabels());
    }

    private SourceModel secondSource;

    /** The second single source's model: the source's network trained with another seed, made on first use. */
    private synchronized SourceModel secondSourceModel() {
        if (secondSource == null) {
            secondSource = SourceTrainer.train(source, NETWORK, 6, TrainingLog.NONE);
        }
        return secondSource;
    }

    /** The same examples with every class moved to the next one, or every value mirrored around their mean. */
    private Examples relabel(Examples examples) {
        Examples relabelled;
        if (examples.hasClasses()) {
            int[] classes = examples.classes();
            for (int i = 0; i < classes.length; i++) {
                classes[i] = (classes[i] + 1) % target.classCount();
            }
            relabelled = Examples.classified(examples.featureMatrix(), examples.featureCount(), classes);
        } else {
            double[] values = examples.values();
            double mean = java.util.Arrays.stream(values).average().orElse(0);
            for (int i = 0; i < values.length; i++) {
                values[i] = 2 * mean - values[i];
            }
            relabelled = Examples.valued(examples.featureMatrix(), examples.featureCount(), values);
        }
        return examples.ids().map(relabelled::withIds).orElse(relabelled);
    }
}
