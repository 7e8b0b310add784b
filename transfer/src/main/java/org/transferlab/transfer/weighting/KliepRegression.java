package org.transferlab.transfer.weighting;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;

/**
 * KLIEP importance weights, then weighted ridge regression (Sugiyama, Nakajima, Kashima, von Bünau &amp; Kawanabe,
 * "Direct Importance Estimation with Model Selection and Its Application to Covariate Shift Adaptation", NeurIPS
 * 2007). The density ratio p_target(x) / p_source(x) is modelled as ŵ(x) = Σ_l α_l k(x, c_l), Gaussian kernels
 * centred on target points, with α maximising
 * <pre>
 *   Σ_j log ŵ(x'_j) over a sample of the target's unlabelled train partition
 *   subject to (1/n_s) Σ_i ŵ(x_i) = 1 over the source sample, α ≥ 0,
 * </pre>
 * by the paper's projected gradient ascent, the kernel width by its likelihood cross-validation ({@link Kliep}),
 * on features standardised by both samples' statistics; then ridge regression minimises
 * Σ_i w_i (ŷ_i − y_i)² + l2 ‖w‖² over the weighted source sample and the target budget at weight 1.
 *
 * <p>Registered as {@code kliep} among the regression strategies.
 */
public final class KliepRegression extends RegressionStrategy<KliepRegression.Parameters> {
    public static final String NAME = "kliep";

    /**
     * @param sourceExamples source examples weighted, a seeded sample (default 1000; at least 1)
     * @param targetExamples unlabelled target examples in the likelihood, a seeded sample (default 1000; at least 1)
     * @param centres        kernel centres, drawn from the target sample (default 100, the paper's; at least 1)
     * @param width          the Gaussian kernel's width on standardised features; 0 to choose it by likelihood
     *                       cross-validation among the median distance times 1/4, 1/2, 1, 2, 4 (default 0)
     * @param folds          folds of that cross-validation (default 5, the paper's; at least 2)
     * @param l2             the ridge penalty (default 1.0; ≥ 0)
     */
    public record Parameters(
            @Default("1000") int sourceExamples,
            @Default("1000") int targetExamples,
            @Default("100") int centres,
            @Default("0") double width,
            @Default("5") int folds,
            @Default("1.0") double l2) {
        public Parameters {
            WeightedFits.requireSamples(sourceExamples, targetExamples);
            new Kliep.Settings(centres, width, folds);
            WeightedFits.requireL2(l2);
        }
    }

    public KliepRegression() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return WeightedFits.regression(context, NAME, p.sourceExamples(), p.targetExamples(),
                weighting(new Kliep.Settings(p.centres(), p.width(), p.folds())), p.l2());
    }

    /** KLIEP's ŵ of the source rows as a source weighting. */
    static SourceWeighting weighting(Kliep.Settings settings) {
        return (source, target, seed) -> {
            Kliep.Weights weights = Kliep.weights(source, target, settings, seed);
            return new SourceWeighting.Result(weights.weights(), weights.describe());
        };
    }
}
