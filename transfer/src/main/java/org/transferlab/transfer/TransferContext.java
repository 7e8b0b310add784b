package org.transferlab.transfer;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * Everything a strategy may use to fit one cell, and nothing more: the target's label budget (train
 * and validation), a description of the target's label space and feature shape, the source model
 * (resolved before the fit and shared between cells), the network spec, the cell's seed and a log for
 * learning curves. It holds no test data and no {@link org.transferlab.core.data.Domain}.
 */
public final class TransferContext {
    private final String targetName;
    private final TaskType task;
    private final List<String> classNames;
    private final FeatureShape shape;
    private final LabelledSplit budget;
    private final NetworkSpec network;
    private final Supplier<SourceModel> source;
    private final long seed;
    private final TrainingLog log;
    private final IntFunction<LabelledSplit> embeddedBudget;
    private final SourceData sourceData;
    private final Examples unlabelledTarget;
    private final SourceArtifacts sourceArtifacts;
    private final List<SingleSource> singleSources;

    /**
     * Models a strategy derives from the source domain alone (a regression network pretrained on the
     * source, say), kept by the harness and shared by every cell with the same source seed, so each is
     * made once per seed rather than once per cell. A model derived from the budget may be kept too when its key
     * holds {@link #seed()}, which is the same for exactly the cells of one target, budget and seed index (the
     * selffer control keeps target-only's network so). What is stored must not be modified by the cells
     * that share it: copy before training further.
     */
    @FunctionalInterface
    public interface SourceArtifacts {
        /** Computes nothing twice for the same key within one run; the default computes every time. */
        <T> T get(String key, Supplier<T> compute);

        SourceArtifacts UNSHARED = new SourceArtifacts() {
            @Override
            public <T> T get(String key, Supplier<T> compute) {
                return compute.get();
            }
        };
    }

    /**
     * The source domain's labelled train partition, for strategies that train on source data (pooled,
     * alignment); its test partition is never part of it.
     *
     * @param classNames the source's label space, index = class
     * @param train      the source train partition (the half of it, when source and target share examples)
     * @param seed       the cell's source seed: a strategy that trains its own source model seeds it with this,
     *                   so every cell of one seed index shares the same source model
     */
    public record SourceData(List<String> classNames, Examples train, long seed) {
        public static final SourceData NONE = new SourceData(List.of(), Examples.classified(new float[0], 1, new int[0]));

        /** Source data whose models are seeded with 0. */
        public SourceData(List<String> classNames, Examples train) {
            this(classNames, train, 0);
        }
    }

    /**
     * One of several sources of a pair, as its own pair's cell would see it.
     *
     * @param name    the source domain's name
     * @param context the context of the cell of that source alone: its source model and data, this cell's budget
     */
    public record SingleSource(String name, TransferContext context) {
        public SingleSource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(context, "context");
        }
    }

    /** A context whose budget embeddings are computed on request, without caching. */
    public TransferContext(String targetName, TaskType task, List<String> classNames, FeatureShape shape,
                           LabelledSplit budget, NetworkSpec network, Supplier<SourceModel> source, long seed,
                           TrainingLog log) {
        this(targetName, task, classNames, shape, budget, network, source, seed, log, layer -> {
            SourceModel model = source.get();
            return new LabelledSplit(embedded(model, budget.train(), layer), embedded(model, budget.validation(), layer),
                    budget.trainRows(), budget.validationRows());
        }, SourceData.NONE, NO_EXAMPLES);
    }

    private static final Examples NO_EXAMPLES = Examples.classified(new float[0], 1, new int[0]);

    /**
     * @param embeddedBudget the budget in the source network's representation at a layer; the harness
     *                       passes one that reuses the target's embeddings across cells
     * @param sourceData     the source domain's train partition
     * @param unlabelledTarget the target's train partition without its labels (every class 0), for
     *                       unsupervised adaptation
     */
    public TransferContext(String targetName, TaskType task, List<String> classNames, FeatureShape shape,
                           LabelledSplit budget, NetworkSpec network, Supplier<SourceModel> source, long seed,
                           TrainingLog log, IntFunction<LabelledSplit> embeddedBudget, SourceData sourceData,
                           Examples unlabelledTarget) {
        this.targetName = Objects.requireNonNull(targetName);
        this.task = Objects.requireNonNull(task);
        this.classNames = List.copyOf(classNames);
        this.shape = Objects.requireNonNull(shape);
        this.budget = Objects.requireNonNull(budget);
        this.network = Objects.requireNonNull(network);
        this.source = Objects.requireNonNull(source);
        this.seed = seed;
        this.log = Objects.requireNonNull(log);
        this.embeddedBudget = Objects.requireNonNull(embeddedBudget);
        this.sourceData = Objects.requireNonNull(sourceData);
        this.unlabelledTarget = Objects.requireNonNull(unlabelledTarget);
        this.sourceArtifacts = SourceArtifacts.UNSHARED;
        this.singleSources = List.of();
    }

    private TransferContext(TransferContext base, SourceArtifacts artifacts, List<SingleSource> singleSources) {
        this.targetName = base.targetName;
        this.task = base.task;
        this.classNames = base.classNames;
        this.shape = base.shape;
        this.budget = base.budget;
        this.network = base.network;
        this.source = base.source;
        this.seed = base.seed;
        this.log = base.log;
        this.embeddedBudget = base.embeddedBudget;
        this.sourceData = base.sourceData;
        this.unlabelledTarget = base.unlabelledTarget;
        this.sourceArtifacts = Objects.requireNonNull(artifacts);
        this.singleSources = List.copyOf(singleSources);
    }

    /** This context with a store that shares source-derived models between cells of the same source seed. */
    public TransferContext withSourceArtifacts(SourceArtifacts artifacts) {
        return new TransferContext(this, artifacts, singleSources);
    }

    /**
     * This context, of a pair with several sources (whose {@link #sourceModel()} and {@link #sourceData()} are the
     * sources combined), with the context each source gives on its own pair.
     */
    public TransferContext withSingleSources(List<SingleSource> sources) {
        for (TransferContext single : sources.stream().map(SingleSource::context).toList()) {
            if (single.budget != budget || single.seed != seed || !single.singleSources.isEmpty()) {
                throw new IllegalArgumentException("a single source's context has this context's budget and seed, and no "
                        + "sources of its own");
            }
        }
        return new TransferContext(this, sourceArtifacts, sources);
    }

    /**
     * For a pair of several sources, the context each of them gives on its own (its source model and source data;
     * the same budget, seed and target data as this one), in the config's order; empty for a pair of one source or
     * none. {@code best-source} and {@code source-ensemble} read these; every other strategy sees the sources
     * combined through {@link #sourceModel()} and {@link #sourceData()}.
     */
    public List<SingleSource> singleSources() {
        return singleSources;
    }

    /** The store of source-derived models shared between cells; see {@link SourceArtifacts}. */
    public SourceArtifacts sourceArtifacts() {
        return sourceArtifacts;
    }

    /** This context with the source domain's train partition and the unlabelled target train partition. */
    public TransferContext withAdaptationData(SourceData data, Examples unlabelled) {
        return new TransferContext(new TransferContext(targetName, task, classNames, shape, budget, network, source, seed, log,
                embeddedBudget, data, unlabelled), sourceArtifacts, singleSources);
    }

    /** The target's train partition with its labels removed: features only, every class 0. */
    public Examples unlabelledTarget() {
        return unlabelledTarget;
    }

    /** The source domain's labelled train partition and label space. */
    public SourceData sourceData() {
        return sourceData;
    }

    /** The label budget with each example replaced by the source network's activations at {@code layer}. */
    public LabelledSplit embeddedBudget(int layer) {
        return embeddedBudget.apply(layer);
    }

    /** {@code examples} with their features replaced by the source model's activations at {@code layer}. */
    public static Examples embedded(SourceModel model, Examples examples, int layer) {
        SourceModel.Embedding embedding = model.embed(examples, layer);
        return examples.hasClasses() ? Examples.classified(embedding.values(), embedding.width(), examples.classes())
                : Examples.valued(embedding.values(), embedding.width(), examples.values());
    }

    public String targetName() {
        return targetName;
    }

    public TaskType task() {
        return task;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classCount() {
        return classNames.size();
    }

    public FeatureShape shape() {
        return shape;
    }

    /** The labelled target data: the only target labels a strategy may see. */
    public LabelledSplit budget() {
        return budget;
    }

    public NetworkSpec network() {
        return network;
    }

    /**
     * The source model for this cell's source domain, network and seed, resolved (trained once per run, loaded from
     * the cache or read from its model file) before the fit when the strategy says it reads one
     * ({@link TransferStrategy#usesSourceModel}); refused otherwise.
     */
    public SourceModel sourceModel() {
        return source.get();
    }

    /** The seed of this cell's own randomness (initialisation, minibatch order). */
    public long seed() {
        return seed;
    }

    public TrainingLog log() {
        return log;
    }
}
