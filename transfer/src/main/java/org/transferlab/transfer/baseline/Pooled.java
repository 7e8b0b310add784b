package org.transferlab.transfer.baseline;

import java.util.List;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.TrainingSchedule;

/**
 * Source data and the target budget trained together, from scratch, in one network ("ALL" in Daumé
 * III, "Frustratingly Easy Domain Adaptation", ACL 2007). The label space is the union of the target's
 * classes and the source's other classes; predictions are restricted to the target's classes. Early
 * stopping uses the target budget's validation split only. With {@code source-examples} the source
 * data is subsampled (seeded) to keep a cell's cost bounded. Tabular inputs are standardised with the
 * statistics of the pooled training rows, budget and source sample together ({@link InputScaling}).
 *
 * <p>With {@code model: logistic} or {@code model: xgboost} the pooled rows train a classical Tribuo
 * classifier instead ({@link ClassifierModel}); its no-transfer line is {@code target-only} with the same
 * model, which the report uses when the study names it alike ({@code pooled@logistic} beside
 * {@code target-only@logistic}).
 *
 * <p>Registered as {@code pooled} among the classification strategies.
 */
public final class Pooled extends ClassificationStrategy<Pooled.Parameters> {
    public static final String NAME = "pooled";

    /**
     * @param sourceExamples how many source examples join the budget, drawn at random; 0 for all (default 5000)
     * @param learningRate   network: Adam learning rate (default 0.001, the source network's)
     * @param maxEpochs      network: upper bound on epochs (default 20)
     * @param patience       network: epochs without a lower validation loss before stopping (default 5)
     * @param batchSize      network: minibatch size (default 64)
     * @param model          network, logistic or xgboost (default network)
     * @param cost           logistic: the inverse regularisation strength C (default 1.0; positive)
     * @param rounds         xgboost: boosting rounds (default 50; at least 1)
     */
    public record Parameters(
            @Default("5000") int sourceExamples,
            @Default("0.001") double learningRate,
            @Default("20") int maxEpochs,
            @Default("5") int patience,
            @Default("64") int batchSize,
            @Default("network") ClassifierModel model,
            @Default("1.0") double cost,
            @Default("50") int rounds) {
        public Parameters {
            if (sourceExamples < 0) {
                throw new IllegalArgumentException("source-examples must be 0 (all) or positive, got " + sourceExamples);
            }
            new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
            java.util.Objects.requireNonNull(model, "model");
            ClassifierModel.validate(cost, rounds);
        }

        /** The network with these settings. */
        public Parameters(int sourceExamples, double learningRate, int maxEpochs, int patience, int batchSize) {
            this(sourceExamples, learningRate, maxEpochs, patience, batchSize, ClassifierModel.NETWORK, 1.0, 50);
        }

        TrainingSchedule schedule() {
            return new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }

        /**
         * What the model uses. A cell's id derives from this text, so cells of the network keep the ids (and the
         * parameter text in results.csv) they had before there were other models.
         */
        @Override
        public String toString() {
            String sample = "sourceExamples=" + sourceExamples;
            return model.describe(sample + ", learningRate=" + learningRate + ", maxEpochs=" + maxEpochs + ", patience="
                    + patience + ", batchSize=" + batchSize, sample + ", cost=" + cost, sample + ", rounds=" + rounds);
        }
    }

    public Pooled() {
        super(Pooled.Parameters.class);
    }

    /** It learns from the target and the source's examples alone. */
    @Override
    public boolean usesSourceModel(Pooled.Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        List<String> union = SourcePool.labelSpace(context);
        return fitScaled(p, context, trainingSet(p, context, union), union, NAME);
    }

    /** The budget's train split followed by the source sample, labelled in {@code union}. */
    static Examples trainingSet(Parameters p, TransferContext context, List<String> union) {
        return context.budget().train().concat(SourcePool.sample(context, p.sourceExamples(), union));
    }

    /** Fits a fresh model on the raw pooled rows {@code train}, scaled by their own statistics. */
    static Fitted fitScaled(Parameters p, TransferContext context, Examples train, List<String> union, String name) {
        InputScaling scaling = InputScaling.forTraining(context.shape(), requireRows(train));
        return fit(p, context, context.shape(), scaling, UnaryOperator.identity(), scaling.apply(train), union, name);
    }

    /**
     * Trains a fresh model of {@code p}'s kind for inputs of {@code shape} on {@code train}, which is already in that
     * input space, stopping a network early on the budget's validation split. The target's raw examples (validation,
     * prediction) reach the model scaled by {@code scaling}, then mapped by {@code widen} into the input space.
     * Seeded and logged as {@code name}.
     */
    static Fitted fit(Parameters p, TransferContext context, FeatureShape shape, InputScaling scaling, UnaryOperator<Examples> widen,
                      Examples train, List<String> union, String name) {
        UnaryOperator<Examples> features = examples -> widen.apply(scaling.apply(examples));
        if (p.model() != ClassifierModel.NETWORK) {
            return ClassicalClassifier.fit(p.model(), p.cost(), p.rounds(), context, scaling, features, train, union, name);
        }
        int classes = union.size();
        MultiLayerNetwork network = NetworkFactory.classifier(context.network(), shape, classes, p.learningRate(),
                Seeds.derive(context.seed(), name, "init"));
        FitSummary summary = SourcePool.train(network, p.schedule(), train, features.apply(context.budget().validation()),
                classes, context, name);
        return Fitted.classes(SourcePool.restrictedToTarget(network, classes, context.classCount(), features), summary);
    }

    /** {@code train}, which must have rows: without target labels or source examples there is nothing to learn from. */
    static Examples requireRows(Examples train) {
        if (train.size() == 0) {
            throw new org.transferlab.transfer.NotApplicableException(
                    "there is nothing to train on: no target labels and no source examples kept");
        }
        return train;
    }
}
