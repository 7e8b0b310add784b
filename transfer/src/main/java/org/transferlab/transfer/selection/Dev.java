package org.transferlab.transfer.selection;

/**
 * Deep embedded validation, DEV (You, Wang, Long and Wang, "Towards Accurate Model Selection in Deep Unsupervised
 * Domain Adaptation", ICML 2019): IWCV's weighted source cross-entropy with the density ratios as a control variate,
 * {@code mean(w ℓ) + η mean(w) − η}, {@code η = −Cov(w ℓ, w) / Var(w)}, negated so that higher is better. The ratios
 * come from {@link ImportanceWeights}. No parameters. Registered as {@code dev}.
 */
public final class Dev implements Validator {
    public static final String NAME = "dev";

    @Override
    public String description() {
        return "minus IWCV's risk with the density ratios as a control variate (DEV, You et al., ICML 2019)";
    }

    @Override
    public boolean readsSource() {
        return true;
    }

    @Override
    public double score(ValidationInputs inputs) {
        return inputs.hasSource()
                ? ValidationCriteria.deepEmbeddedValidation(inputs.source(), inputs.sourceLabels(), inputs.sourceWeights())
                : Double.NaN;
    }
}
