package org.transferlab.transfer.adaptation;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * DAN, deep adaptation network (Long, Cao, Wang &amp; Jordan, "Learning Transferable Features with Deep Adaptation
 * Networks", ICML 2015): joint training with the multi-kernel MMD between the source and unlabelled target rows'
 * features ({@link MultiKernelMmd}, Gaussian kernels at 2^-3..2^1 times the batch's mean squared distance). Loss:
 * CE(source) + CE(budget) + trade-off · MMD²(f_s, f_t). The paper adapts several fully connected layers and learns
 * the kernel weights; this applies MMD to the last hidden layer with equal kernel weights, as the reference
 * implementation (Transfer-Learning-Library) does by default. Joint training, label space and validation are
 * {@link JointTraining}'s.
 *
 * <p>Registered as {@code mmd} among the classification strategies.
 */
public final class DeepAdaptationNetwork extends ClassificationStrategy<DeepAdaptationNetwork.Parameters> {
    public static final String NAME = "mmd";

    /**
     * @param tradeOff       weight of the MMD term (default 1.0; non-negative)
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

    public DeepAdaptationNetwork() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        MultiKernelMmd mmd = new MultiKernelMmd(MultiKernelMmd.DAN_MULTIPLIERS);
        return JointTraining.fit(context, DomainAdversarial.schedule(p.learningRate(), p.maxEpochs(), p.patience(),
                p.batchSize(), p.sourceExamples()), true, (model, seed) -> (step, dFeatures, dLogits) -> {
                    LossGradient term = mmd.of(step.sourceAndTarget(step.features()), step.sourceRows()).times(p.tradeOff());
                    step.addSourceAndTarget(term, dFeatures);
                    return term.value();
                }, NAME);
    }
}
