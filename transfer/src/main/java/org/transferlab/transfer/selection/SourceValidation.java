package org.transferlab.transfer.selection;

/**
 * Training-domain validation, as DomainBed calls it (Gulrajani and Lopez-Paz, "In Search of Lost Domain
 * Generalization", ICLR 2021): the candidate's accuracy on held-out labelled source examples, unweighted. It assumes
 * the candidate that does best on the source does best on the target. No parameters. Registered as
 * {@code source-validation}.
 */
public final class SourceValidation implements Validator {
    public static final String NAME = "source-validation";

    @Override
    public String description() {
        return "accuracy on held-out source examples (training-domain validation, DomainBed, ICLR 2021)";
    }

    @Override
    public boolean readsSource() {
        return true;
    }

    @Override
    public double score(ValidationInputs inputs) {
        if (!inputs.hasSource()) {
            return Double.NaN;
        }
        double[] ones = new double[inputs.sourceLabels().length];
        java.util.Arrays.fill(ones, 1);
        return ValidationCriteria.importanceWeightedAccuracy(inputs.source(), inputs.sourceLabels(), ones);
    }
}
