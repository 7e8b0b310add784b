package org.transferlab.transfer.adaptation;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * BSS, batch spectral shrinkage (Chen, Wang, Fu, Long &amp; Wang, "Catastrophic Forgetting Meets Negative Transfer:
 * Batch Spectral Shrinkage for Safe Transfer Learning", NeurIPS 2019): fine-tuning of the source network (every layer,
 * with a new classifier for the target's classes) on the budget, penalising the k smallest squared singular values
 * of each minibatch's features ({@link SmallestSingularValues}), the directions that fine-tuning on few labels learns
 * from noise. Loss: CE(budget) + η Σ_{i=1..k} σ²_{-i}(F). Reads no source data; validation is on the budget's
 * validation split (its train split without one).
 *
 * <p>Registered as {@code bss} among the classification strategies.
 */
public final class BatchSpectralShrinkage extends ClassificationStrategy<BatchSpectralShrinkage.Parameters> {
    public static final String NAME = "bss";

    /**
     * @param eta          weight η of the penalty (default 0.001, the paper's; non-negative)
     * @param k            how many of the smallest singular values are shrunk (default 1, the paper's; at least 1)
     * @param learningRate Adam learning rate (default 0.001)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     */
    public record Parameters(@Default("0.001") double eta, @Default("1") int k, @Default("0.001") double learningRate,
                             @Default("100") int maxEpochs, @Default("10") int patience, @Default("32") int batchSize) {
        public Parameters {
            Weights.requireNonNegative("eta", eta);
            if (k < 1) {
                throw new IllegalArgumentException("k must be at least 1, got " + k);
            }
            DomainAdversarial.schedule(learningRate, maxEpochs, patience, batchSize, 0);
        }
    }

    public BatchSpectralShrinkage() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return JointTraining.fit(context, DomainAdversarial.schedule(p.learningRate(), p.maxEpochs(), p.patience(),
                p.batchSize(), 0), false, (model, seed) -> (step, dFeatures, dLogits) -> {
                    LossGradient term = SmallestSingularValues.of(Step.slice(step.features(), step.sourceRows(),
                            step.targetFrom()), p.k()).times(p.eta());
                    term.addInto(dFeatures, step.sourceRows());
                    return term.value();
                }, NAME);
    }
}
