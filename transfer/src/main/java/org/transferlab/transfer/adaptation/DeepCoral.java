package org.transferlab.transfer.adaptation;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * Deep CORAL (Sun &amp; Saenko, "Deep CORAL: Correlation Alignment for Deep Domain Adaptation", ECCV 2016 workshops):
 * joint training with the CORAL loss between the covariances of the source and unlabelled target rows' outputs of
 * the last layer, the logits, as in the paper ({@link CoralLoss}). Loss: CE(source) + CE(budget) + trade-off ·
 * ||C_S - C_T||²_F / (4 d²). The paper chooses the weight so that both losses end about equal; the default is 1.
 * Joint training, label space and validation are {@link JointTraining}'s. (The classic {@code coral}, which
 * re-colours frozen embeddings and needs no training, is a separate strategy.)
 *
 * <p>Registered as {@code deep-coral} among the classification strategies.
 */
public final class DeepCoral extends ClassificationStrategy<DeepCoral.Parameters> {
    public static final String NAME = "deep-coral";

    /**
     * @param tradeOff       weight of the CORAL term (default 1.0; non-negative)
     * @param learningRate   Adam learning rate (default 0.001)
     * @param maxEpochs      upper bound on epochs (default 20)
     * @param patience       epochs without a lower validation loss before stopping (default 5)
     * @param batchSize      rows drawn from each of source, budget and target per step (default 32)
     * @param sourceExamples source examples sampled (and as many unlabelled target ones), 0 for all (default 2000)
     */
    public record Parameters(@Default("1.0") double tradeOff, @Default("0.001") double learningRate,
                             @Default("20") int maxEpochs, @Default("5") int patience, @Default("32") int batchSize,
                             @Default("2000") int sourceExamples) {
        public Parameters {
            Weights.requireNonNegative("trade-off", tradeOff);
            DomainAdversarial.schedule(learningRate, maxEpochs, patience, batchSize, sourceExamples);
        }
    }

    public DeepCoral() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return JointTraining.fit(context, DomainAdversarial.schedule(p.learningRate(), p.maxEpochs(), p.patience(),
                p.batchSize(), p.sourceExamples()), true, (model, seed) -> (step, dFeatures, dLogits) -> {
                    LossGradient term = CoralLoss.of(step.sourceAndTarget(step.logits()), step.sourceRows()).times(p.tradeOff());
                    step.addSourceAndTarget(term, dLogits);
                    return term.value();
                }, NAME);
    }
}
