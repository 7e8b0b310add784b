package org.transferlab.transfer.weighting;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * Kernel Mean Matching, then a weighted classifier (Huang, Smola, Gretton, Borgwardt &amp; Schölkopf, "Correcting
 * Sample Selection Bias by Unlabeled Data", NeurIPS 2006). A seeded sample of the source's examples of the target's
 * classes is weighted by β, the solution of
 * <pre>
 *   minimise ½βᵀKβ − κᵀβ   subject to 0 ≤ β_i ≤ B,  |Σβ_i − n_s| ≤ n_s·ε,
 * </pre>
 * K the Gaussian kernel between source examples and κ_i = (n_s/n_t) Σ_j k(x_i, x'_j) over a sample of the target's
 * unlabelled train partition, on features standardised by both samples' statistics ({@link KernelMeanMatching}).
 * A multinomial logistic regression (Tribuo's linear SGD, which honours example weights) is then trained on the
 * weighted source sample and the target budget at weight 1, minimising Σ_i w_i · (−log p(y_i | x_i)), on features
 * standardised by its training rows. Source examples that look like the target count more. It reads the raw
 * features, never the source model; the source's classes the target lacks are left out.
 *
 * <p>Registered as {@code kmm} among the classification strategies.
 */
public final class KmmClassification extends ClassificationStrategy<KmmClassification.Parameters> {
    public static final String NAME = "kmm";

    /**
     * @param sourceExamples source examples weighted, a seeded sample, so that K stays small (default 1000; at least 1)
     * @param targetExamples unlabelled target examples in κ, a seeded sample (default 1000; at least 1)
     * @param bound          B, the greatest weight (default 1000, the paper's; at least 1)
     * @param epsilon        ε, the slack of the weights' sum; −1 for the paper's (√n_s − 1)/√n_s (default −1; else in [0, 1))
     * @param width          the Gaussian kernel's width on standardised features; 0 for the median heuristic (default 0)
     * @param epochs         passes of the classifier's SGD (default 20; at least 1)
     * @param learningRate   the classifier's AdaGrad learning rate (default 0.1; positive)
     */
    public record Parameters(
            @Default("1000") int sourceExamples,
            @Default("1000") int targetExamples,
            @Default("1000") double bound,
            @Default("-1") double epsilon,
            @Default("0") double width,
            @Default("20") int epochs,
            @Default("0.1") double learningRate) {
        public Parameters {
            WeightedFits.requireSamples(sourceExamples, targetExamples);
            new KernelMeanMatching.Settings(bound, epsilon, width);
            new WeightedLinearClassifier.Settings(epochs, learningRate);
        }
    }

    public KmmClassification() {
        super(Parameters.class);
    }

    /** It weighs the source's raw features, never the source model. */
    @Override
    public boolean usesSourceModel(Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        KernelMeanMatching.Settings settings = new KernelMeanMatching.Settings(p.bound(), p.epsilon(), p.width());
        return WeightedFits.classification(context, NAME, p.sourceExamples(), p.targetExamples(),
                KmmRegression.weighting(settings), new WeightedLinearClassifier.Settings(p.epochs(), p.learningRate()));
    }
}
