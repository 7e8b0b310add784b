package org.transferlab.transfer.baseline;

import java.util.List;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.FitSummary;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.network.NetworkFactory;
import org.transferlab.transfer.network.TrainingSchedule;

/**
 * Source data and the target budget trained together, from scratch, in one network ("ALL" in Daumé
 * III, "Frustratingly Easy Domain Adaptation", ACL 2007). The label space is the union of the target's
 * classes and the source's other classes; predictions are restricted to the target's classes. Early
 * stopping uses the target budget's validation split only. With {@code source-examples} the source
 * data is subsampled (seeded) to keep a cell's cost bounded.
 */
public final class Pooled extends ClassificationStrategy<Pooled.Parameters> {
    public static final String NAME = "pooled";

    /**
     * @param sourceExamples how many source examples join the budget, drawn at random; 0 for all (default 5000)
     * @param learningRate   Adam learning rate (default 0.001, the source network's)
     * @param maxEpochs      upper bound on epochs (default 20)
     * @param patience       epochs without a lower validation loss before stopping (default 5)
     * @param batchSize      minibatch size (default 64)
     */
    public record Parameters(
            @Default("5000") int sourceExamples,
            @Default("0.001") double learningRate,
            @Default("20") int maxEpochs,
            @Default("5") int patience,
            @Default("64") int batchSize) {
        public Parameters {
            if (sourceExamples < 0) {
                throw new IllegalArgumentException("source-examples must be 0 (all) or positive, got " + sourceExamples);
            }
            new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }

        TrainingSchedule schedule() {
            return new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }
    }

    public Pooled() {
        super(Pooled.Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        List<String> union = SourcePool.labelSpace(context);
        return fit(p, context, context.shape(), UnaryOperator.identity(), trainingSet(p, context, union), union.size(), NAME);
    }

    /** The budget's train split followed by the source sample, labelled in {@code union}. */
    static Examples trainingSet(Parameters p, TransferContext context, List<String> union) {
        return context.budget().train().concat(SourcePool.sample(context, p.sourceExamples(), union));
    }

    /**
     * Trains a fresh network of the context's architecture for inputs of {@code shape} on {@code train}, which is
     * already in that input space, stopping early on the budget's validation split mapped by {@code features};
     * the predictor maps the examples it is given the same way. Seeded and logged as {@code name}.
     */
    static Fitted fit(Parameters p, TransferContext context, FeatureShape shape, UnaryOperator<Examples> features,
                      Examples train, int classes, String name) {
        MultiLayerNetwork network = NetworkFactory.classifier(context.network(), shape, classes, p.learningRate(),
                Seeds.derive(context.seed(), name, "init"));
        FitSummary summary = SourcePool.train(network, p.schedule(), train, features.apply(context.budget().validation()),
                classes, context, name);
        return new Fitted(SourcePool.restrictedToTarget(network, classes, context.classCount(), features), summary);
    }
}
