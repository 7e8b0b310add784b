package org.transferlab.transfer.weighting;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * KLIEP importance weights, then a weighted classifier (Sugiyama, Nakajima, Kashima, von Bünau &amp; Kawanabe, "Direct
 * Importance Estimation with Model Selection and Its Application to Covariate Shift Adaptation", NeurIPS 2007). The
 * density ratio p_target(x) / p_source(x) is modelled as ŵ(x) = Σ_l α_l k(x, c_l), Gaussian kernels centred on
 * target points, with α maximising
 * <pre>
 *   Σ_j log ŵ(x'_j) over a sample of the target's unlabelled train partition
 *   subject to (1/n_s) Σ_i ŵ(x_i) = 1 over the source sample, α ≥ 0,
 * </pre>
 * by the paper's projected gradient ascent, the kernel width by its likelihood cross-validation
 * ({@link Kliep}), on features standardised by both samples' statistics. A seeded sample of the source's
 * examples of the target's classes, each weighted ŵ(x_i), and the target budget at weight 1 then train a
 * multinomial logistic regression (Tribuo's linear SGD, which honours example weights) minimising
 * Σ_i w_i · (−log p(y_i | x_i)). It reads the raw features, never the source model.
 *
 * <p>Registered as {@code kliep} among the classification strategies.
 */
public final class KliepClassification extends ClassificationStrategy<KliepClassification.Parameters> {
    public static final String NAME = "kliep";

    /**
     * @param sourceExamples source examples weighted, a seeded sample (default 1000; at least 1)
     * @param targetExamples unlabelled target examples in the likelihood, a seeded sample (default 1000; at least 1)
     * @param centres        kernel centres, drawn from the target sample (default 100, the paper's; at least 1)
     * @param width          the Gaussian kernel's width on standardised features; 0 to choose it by likelihood
     *                       cross-validation among the median distance times 1/4, 1/2, 1, 2, 4 (default 0)
     * @param folds          folds of that cross-validation (default 5, the paper's; at least 2)
     * @param epochs         passes of the classifier's SGD (default 20; at least 1)
     * @param learningRate   the classifier's AdaGrad learning rate (default 0.1; positive)
     */
    public record Parameters(
            @Default("1000") int sourceExamples,
            @Default("1000") int targetExamples,
            @Default("100") int centres,
            @Default("0") double width,
            @Default("5") int folds,
            @Default("20") int epochs,
            @Default("0.1") double learningRate) {
        public Parameters {
            WeightedFits.requireSamples(sourceExamples, targetExamples);
            new Kliep.Settings(centres, width, folds);
            new WeightedLinearClassifier.Settings(epochs, learningRate);
        }
    }

    public KliepClassification() {
        super(Parameters.class);
    }

    /** It weighs the source's raw features, never the source model. */
    @Override
    public boolean usesSourceModel(Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return WeightedFits.classification(context, NAME, p.sourceExamples(), p.targetExamples(),
                KliepRegression.weighting(new Kliep.Settings(p.centres(), p.width(), p.folds())),
                new WeightedLinearClassifier.Settings(p.epochs(), p.learningRate()));
    }
}
