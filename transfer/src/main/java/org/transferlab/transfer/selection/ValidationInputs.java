package org.transferlab.transfer.selection;

/**
 * What a {@link Validator} may read about one fitted candidate, none of it a target label: the candidate's class
 * probabilities on a sample of the target's unlabelled train partition, and on held-out labelled source examples (the
 * source's test partition, which trained nothing) with their labels in the target's class indices and their density
 * ratios p_target(x) / p_source(x). The source part is empty where the source's classes are not the target's.
 *
 * @param target        the candidate's probabilities on unlabelled target train examples, one row each
 * @param source        the candidate's probabilities on held-out source examples, one row each; may be empty
 * @param sourceLabels  their classes, as target class indices
 * @param sourceWeights their density ratios, from a domain classifier ({@link ImportanceWeights})
 */
public record ValidationInputs(double[][] target, double[][] source, int[] sourceLabels, double[] sourceWeights) {
    public ValidationInputs {
        if (source.length != sourceLabels.length || source.length != sourceWeights.length) {
            throw new IllegalArgumentException("held-out source rows, labels and weights differ in number: " + source.length
                    + ", " + sourceLabels.length + " and " + sourceWeights.length);
        }
    }

    /** Whether there are held-out source examples in the target's classes. */
    public boolean hasSource() {
        return source.length > 0;
    }
}
