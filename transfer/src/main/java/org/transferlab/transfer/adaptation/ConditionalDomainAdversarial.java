package org.transferlab.transfer.adaptation;

import java.util.SplittableRandom;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * CDAN+E, conditional adversarial domain adaptation with entropy conditioning (Long, Cao, Wang &amp; Jordan,
 * "Conditional Adversarial Domain Adaptation", NeurIPS 2018). As {@link DomainAdversarial}, the source network's
 * feature extractor and a new classifier are trained on the labelled source and the budget while a domain
 * discriminator learns to tell source from unlabelled target examples behind a gradient-reversal layer; but the
 * discriminator sees the {@link MultilinearMap} T(f, g) of the features f and the class probabilities
 * g = softmax(logits), so it aligns the joint distribution of features and predictions rather than the features
 * alone. T is the exact flattened outer product f ⊗ g while feature width × classes ≤ 4096, and the paper's
 * randomized multilinear map of width 1024 (fixed Gaussian matrices from the fit's seed) above it.
 * Loss: CE(source) + CE(budget) + trade-off · L_d, with L_d = (Σ_source w_i CE_i + Σ_target w_i CE_i) / 2 the
 * discriminator's domain cross-entropy, w the {@link EntropyConditioning} weights w = 1 + e^{-H(g)} normalised within
 * each domain (uniform within each domain without entropy conditioning: CDAN without E), reversed into f and, through
 * T and the softmax, into the logits with DANN's λ_p = 2 / (1 + e^{-γ p}) - 1 ({@link GradientReversal}).
 * Joint training, label space and validation are {@link JointTraining}'s.
 *
 * <p>Differences from the paper: the reversed gradient reaches g, as in the paper's minimax objective over the
 * classifier G = (F, G), where the authors' code detaches g; the entropy weights are constants of each step (no
 * gradient through them); the discriminator has one hidden layer (the paper's has two of 1024 units); Adam at a
 * fixed learning rate instead of annealed SGD, and early stopping on validation loss.
 *
 * <p>Registered as {@code cdan} among the classification strategies.
 */
public final class ConditionalDomainAdversarial extends ClassificationStrategy<ConditionalDomainAdversarial.Parameters> {
    public static final String NAME = "cdan";

    /**
     * @param tradeOff            weight of the adversarial term (default 1.0; non-negative)
     * @param gamma               γ of the λ schedule (default 10, the paper's; positive)
     * @param discriminatorWidth  units of the discriminator's hidden layer (default 100, as {@code dann}'s; positive)
     * @param entropyConditioning whether each example's domain loss is weighted by 1 + e^{-H(g)} (default true: CDAN+E)
     * @param learningRate        Adam learning rate of every part (default 0.001)
     * @param maxEpochs           upper bound on epochs (default 20)
     * @param patience            epochs without a lower validation loss before stopping (default 5)
     * @param batchSize           rows drawn from each of source, budget and target per step (default 32)
     * @param sourceExamples      source examples sampled (and as many unlabelled target ones), 0 for all (default 2000)
     */
    public record Parameters(@Default("1.0") double tradeOff, @Default("10") double gamma,
                             @Default("100") int discriminatorWidth, @Default("true") boolean entropyConditioning,
                             @Default("0.001") double learningRate, @Default("20") int maxEpochs,
                             @Default("5") int patience, @Default("32") int batchSize,
                             @Default("2000") int sourceExamples) {
        public Parameters {
            DomainAdversarial.requireAdversarial(tradeOff, gamma, discriminatorWidth);
            DomainAdversarial.schedule(learningRate, maxEpochs, patience, batchSize, sourceExamples);
        }
    }

    public ConditionalDomainAdversarial() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return JointTraining.fit(context, DomainAdversarial.schedule(p.learningRate(), p.maxEpochs(), p.patience(),
                p.batchSize(), p.sourceExamples()), true, (model, seed) -> {
                    SplittableRandom seeds = new SplittableRandom(seed);
                    MultilinearMap map = MultilinearMap.of(model.featureWidth(), model.classCount(), seeds.nextLong());
                    return new ConditionalDiscriminator(new DomainDiscriminator(map.width(), p.discriminatorWidth(),
                            p.learningRate(), seeds.nextLong(), p.tradeOff(), p.gamma()), map, p.entropyConditioning());
                }, NAME);
    }
}
