package org.transferlab.transfer.adaptation;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * DANN, domain-adversarial training (Ganin, Ustinova, Ajakan, Germain, Larochelle, Laviolette, Marchand &amp;
 * Lempitsky, "Domain-Adversarial Training of Neural Networks", JMLR 2016). The source network's feature extractor
 * and a new classifier are trained on the labelled source and the budget, while a domain discriminator on the
 * features learns to tell source from unlabelled target examples and a gradient-reversal layer trains the features
 * to defeat it. Loss: CE(source) + CE(budget) + trade-off · L_d, with L_d the discriminator's balanced domain
 * cross-entropy, reversed into the features with λ_p = 2 / (1 + e^{-γ p}) - 1 ({@link GradientReversal}).
 * Joint training, label space and validation are {@link JointTraining}'s. Differences from the paper: Adam at a
 * fixed learning rate instead of its annealed SGD, and early stopping on validation loss.
 *
 * <p>Registered as {@code dann} among the classification strategies.
 */
public final class DomainAdversarial extends ClassificationStrategy<DomainAdversarial.Parameters> {
    public static final String NAME = "dann";

    /**
     * @param tradeOff           weight of the adversarial term (default 1.0; non-negative)
     * @param gamma              γ of the λ schedule (default 10, the paper's; positive)
     * @param discriminatorWidth units of the discriminator's hidden layer (default 100, as the paper's small
     *                           networks; positive)
     * @param learningRate       Adam learning rate of every part (default 0.001)
     * @param maxEpochs          upper bound on epochs (default 20)
     * @param patience           epochs without a lower validation loss before stopping (default 5)
     * @param batchSize          rows drawn from each of source, budget and target per step (default 32)
     * @param sourceExamples     source examples sampled (and as many unlabelled target ones), 0 for all (default 2000)
     */
    public record Parameters(@Default("1.0") double tradeOff, @Default("10") double gamma,
                             @Default("100") int discriminatorWidth, @Default("0.001") double learningRate,
                             @Default("20") int maxEpochs, @Default("5") int patience, @Default("32") int batchSize,
                             @Default("2000") int sourceExamples) {
        public Parameters {
            requireAdversarial(tradeOff, gamma, discriminatorWidth);
            schedule(learningRate, maxEpochs, patience, batchSize, sourceExamples);
        }
    }

    /** The checks of the adversarial parameters DANN and CDAN share. */
    static void requireAdversarial(double tradeOff, double gamma, int discriminatorWidth) {
        Weights.requireNonNegative("trade-off", tradeOff);
        if (!(gamma > 0) || Double.isInfinite(gamma) || discriminatorWidth < 1) {
            throw new IllegalArgumentException("gamma must be positive and discriminator-width at least 1");
        }
    }

    static AdaptationSchedule schedule(double learningRate, int maxEpochs, int patience, int batchSize, int sourceExamples) {
        return new AdaptationSchedule(learningRate, maxEpochs, patience, batchSize, sourceExamples);
    }

    public DomainAdversarial() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return JointTraining.fit(context, schedule(p.learningRate(), p.maxEpochs(), p.patience(), p.batchSize(),
                p.sourceExamples()), true, (model, seed) -> new DomainDiscriminator(model.featureWidth(),
                p.discriminatorWidth(), p.learningRate(), seed, p.tradeOff(), p.gamma()), NAME);
    }
}
