package org.transferlab.transfer.weighting;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;

/**
 * Kernel Mean Matching, then weighted ridge regression (Huang, Smola, Gretton, Borgwardt &amp; Schölkopf, "Correcting
 * Sample Selection Bias by Unlabeled Data", NeurIPS 2006). A seeded sample of the source's examples is weighted by
 * β, the solution of
 * <pre>
 *   minimise ½βᵀKβ − κᵀβ   subject to 0 ≤ β_i ≤ B,  |Σβ_i − n_s| ≤ n_s·ε,
 * </pre>
 * K the Gaussian kernel between source examples and κ_i = (n_s/n_t) Σ_j k(x_i, x'_j) over a sample of the target's
 * unlabelled train partition, on features standardised by both samples' statistics ({@link KernelMeanMatching});
 * then ridge regression minimises Σ_i w_i (ŷ_i − y_i)² + l2 ‖w‖² over the weighted source sample and the target
 * budget at weight 1. It reads no target label to weigh the source.
 *
 * <p>Registered as {@code kmm} among the regression strategies.
 */
public final class KmmRegression extends RegressionStrategy<KmmRegression.Parameters> {
    public static final String NAME = "kmm";

    /**
     * @param sourceExamples source examples weighted, a seeded sample, so that K stays small (default 1000; at least 1)
     * @param targetExamples unlabelled target examples in κ, a seeded sample (default 1000; at least 1)
     * @param bound          B, the greatest weight (default 1000, the paper's; at least 1)
     * @param epsilon        ε, the slack of the weights' sum; −1 for the paper's (√n_s − 1)/√n_s (default −1; else in [0, 1))
     * @param width          the Gaussian kernel's width on standardised features; 0 for the median heuristic (default 0)
     * @param l2             the ridge penalty (default 1.0; ≥ 0)
     */
    public record Parameters(
            @Default("1000") int sourceExamples,
            @Default("1000") int targetExamples,
            @Default("1000") double bound,
            @Default("-1") double epsilon,
            @Default("0") double width,
            @Default("1.0") double l2) {
        public Parameters {
            WeightedFits.requireSamples(sourceExamples, targetExamples);
            new KernelMeanMatching.Settings(bound, epsilon, width);
            WeightedFits.requireL2(l2);
        }
    }

    public KmmRegression() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return WeightedFits.regression(context, NAME, p.sourceExamples(), p.targetExamples(),
                weighting(new KernelMeanMatching.Settings(p.bound(), p.epsilon(), p.width())), p.l2());
    }

    /** KMM's β as a source weighting. */
    static SourceWeighting weighting(KernelMeanMatching.Settings settings) {
        return (source, target, seed) -> {
            KernelMeanMatching.Weights weights = KernelMeanMatching.weights(source, target, settings);
            return new SourceWeighting.Result(weights.beta(), weights.describe());
        };
    }
}
