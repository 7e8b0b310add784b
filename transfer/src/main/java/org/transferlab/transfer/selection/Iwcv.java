package org.transferlab.transfer.selection;

/**
 * Importance-weighted validation, IWCV (Sugiyama, Krauledat and Müller, "Covariate Shift Adaptation by Importance
 * Weighted Cross Validation", JMLR 2007): minus the mean cross-entropy on held-out source examples, each weighted by
 * its density ratio p_target(x) / p_source(x), an unbiased estimate of the target risk under covariate shift. The
 * ratios come from {@link ImportanceWeights}. No parameters. Registered as {@code iwcv}.
 */
public final class Iwcv implements Validator {
    public static final String NAME = "iwcv";

    @Override
    public String description() {
        return "minus the density-ratio-weighted source cross-entropy (IWCV, Sugiyama et al., JMLR 2007)";
    }

    @Override
    public boolean readsSource() {
        return true;
    }

    @Override
    public double score(ValidationInputs inputs) {
        return inputs.hasSource()
                ? ValidationCriteria.importanceWeightedLoss(inputs.source(), inputs.sourceLabels(), inputs.sourceWeights())
                : Double.NaN;
    }
}
