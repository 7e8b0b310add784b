package org.transferlab.transfer.adaptation;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * MCC, minimum class confusion (Jin, Wang, Long &amp; Wang, "Minimum Class Confusion for Versatile Domain
 * Adaptation", ECCV 2020): joint training with the class-confusion loss of the unlabelled target rows' predictions
 * ({@link ClassConfusion}: temperature-scaled softmax, uncertainty-weighted, category-normalised confusion between
 * different classes). Loss: CE(source) + CE(budget) + trade-off · L_MCC(target). Joint training, label space and
 * validation are {@link JointTraining}'s.
 *
 * <p>Registered as {@code mcc} among the classification strategies.
 */
public final class MinimumClassConfusion extends ClassificationStrategy<MinimumClassConfusion.Parameters> {
    public static final String NAME = "mcc";

    /**
     * @param tradeOff       weight of the MCC term (default 1.0; non-negative)
     * @param temperature    softmax temperature T (default 2.5, the authors' code's; positive)
     * @param learningRate   Adam learning rate (default 0.001)
     * @param maxEpochs      upper bound on epochs (default 20)
     * @param patience       epochs without a lower validation loss before stopping (default 5)
     * @param batchSize      rows drawn from each of source, budget and target per step (default 32)
     * @param sourceExamples source examples sampled (and as many unlabelled target ones), 0 for all (default 2000)
     */
    public record Parameters(@Default("1.0") double tradeOff, @Default("2.5") double temperature,
                             @Default("0.001") double learningRate, @Default("20") int maxEpochs,
                             @Default("5") int patience, @Default("32") int batchSize,
                             @Default("2000") int sourceExamples) {
        public Parameters {
            Weights.requireNonNegative("trade-off", tradeOff);
            if (!(temperature > 0) || Double.isInfinite(temperature)) {
                throw new IllegalArgumentException("temperature must be positive, got " + temperature);
            }
            DomainAdversarial.schedule(learningRate, maxEpochs, patience, batchSize, sourceExamples);
        }
    }

    public MinimumClassConfusion() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return JointTraining.fit(context, DomainAdversarial.schedule(p.learningRate(), p.maxEpochs(), p.patience(),
                p.batchSize(), p.sourceExamples()), true, (model, seed) -> (step, dFeatures, dLogits) -> {
                    if (step.targetRows() == 0) {
                        return 0;
                    }
                    LossGradient term = ClassConfusion.of(Step.slice(step.logits(), step.targetFrom(), step.logits().length),
                            p.temperature()).times(p.tradeOff());
                    term.addInto(dLogits, step.targetFrom());
                    return term.value();
                }, NAME);
    }
}
