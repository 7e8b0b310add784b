package org.transferlab.transfer.forecast;

/**
 * The target's label budget as one network sees it: each example's activations at the network's last hidden layer,
 * its output probabilities over the network's classes, and its target label.
 *
 * @param features      one row of activations per example
 * @param probabilities one row of output probabilities per example (they sum to one)
 * @param labels        each example's target class, {@code 0 .. classes - 1}
 */
public record LabelledFeatures(double[][] features, double[][] probabilities, int[] labels) {
    public LabelledFeatures {
        if (features.length != labels.length || probabilities.length != labels.length) {
            throw new IllegalArgumentException("features, probabilities and labels must have one row per example, got "
                    + features.length + ", " + probabilities.length + " and " + labels.length);
        }
    }

    /** How many examples. */
    public int size() {
        return labels.length;
    }
}
