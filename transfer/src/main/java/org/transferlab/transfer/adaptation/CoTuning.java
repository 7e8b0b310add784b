package org.transferlab.transfer.adaptation;

import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.Batches;

/**
 * Co-Tuning (You, Kou, Jiang, Wang &amp; Long, "Co-Tuning for Transfer Learning", NeurIPS 2020): fine-tuning of the
 * source network (every layer, with a classifier for the target's classes) on the budget that keeps the source
 * network's output layer too and trains it jointly on the same features, its targets the budget labels translated
 * into the source's label space. Before training, the category relationship p(y_s | y_t) is learnt by the paper's
 * direct approach ({@link CategoryRelationship}): the mean of the source network's softmax(logits / T) over the
 * budget's train examples of each target class. Loss: CE(target head, y_t) + λ CE(source head, p(y_s | y_t))
 * ({@link SourceHeadCoTraining}). Meant for label spaces that differ; where they are the same, the relationship is
 * near the identity and the source head learns the labels themselves. Reads no source data; validation is on the
 * budget's validation split (its train split without one); not applicable without a budget, or where the layer
 * above the source network's last hidden one is not its softmax output over named classes.
 *
 * <p>Differences from the paper: the direct approach only, not the reverse one; calibration is a fixed temperature T
 * (default 1, none), not one fitted on source validation data; a target class without budget examples gets the
 * uniform distribution; the target classifier starts from the source's outputs for classes of the same name, as
 * in every strategy of this package; Adam at a fixed learning rate, with early stopping. λ's default 2.3 is the
 * reference implementation's (Transfer-Learning-Library).
 *
 * <p>Registered as {@code co-tuning} among the classification strategies.
 */
public final class CoTuning extends ClassificationStrategy<CoTuning.Parameters> {
    public static final String NAME = "co-tuning";

    /**
     * @param lambda       weight λ of the source head's loss (default 2.3; non-negative)
     * @param temperature  temperature T of the source probabilities the relationship averages (default 1; positive)
     * @param learningRate Adam learning rate of every part (default 0.001)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     */
    public record Parameters(@Default("2.3") double lambda, @Default("1.0") double temperature,
                             @Default("0.001") double learningRate, @Default("100") int maxEpochs,
                             @Default("10") int patience, @Default("32") int batchSize) {
        public Parameters {
            Weights.requireNonNegative("lambda", lambda);
            if (!(temperature > 0) || Double.isInfinite(temperature)) {
                throw new IllegalArgumentException("temperature must be a positive number, got " + temperature);
            }
            DomainAdversarial.schedule(learningRate, maxEpochs, patience, batchSize, 0);
        }
    }

    public CoTuning() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return JointTraining.fit(context, DomainAdversarial.schedule(p.learningRate(), p.maxEpochs(), p.patience(),
                p.batchSize(), 0), false, (model, seed) -> {
                    ExternalErrorNetwork sourceHead = AdaptationModel.sourceHead(context.sourceModel(), p.learningRate(), seed)
                            .orElseThrow(() -> new NotApplicableException(
                                    "it needs the source network's softmax output layer just above its last hidden layer"));
                    return new SourceHeadCoTraining(sourceHead, relationship(model, sourceHead,
                            model.scaling.apply(context.budget().train()), context.classCount(), p.temperature()), p.lambda());
                }, NAME);
    }

    /** p(y_s | y_t) from the source network (the model before training, and its output layer) on scaled {@code budget}. */
    static double[][] relationship(AdaptationModel model, ExternalErrorNetwork sourceHead, Examples budget, int targetClasses,
                                   double temperature) {
        double[][] features = ExternalErrorNetwork.rows(model.features.output(Batches.features(budget)));
        double[][] probabilities = SoftmaxCrossEntropy.softmax(ExternalErrorNetwork.rows(
                sourceHead.output(ExternalErrorNetwork.array(features))), temperature);
        return CategoryRelationship.direct(probabilities, budget.classes(), targetClasses);
    }
}
