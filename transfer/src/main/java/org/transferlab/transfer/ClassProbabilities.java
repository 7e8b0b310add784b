package org.transferlab.transfer;

import org.transferlab.core.data.Examples;

/**
 * A classifier that also gives how probable it finds each of the target's classes, which is what selection without
 * target labels reads (prediction entropy, neighbourhood density, importance-weighted source loss). A strategy's
 * {@link Predictor} implements it where its model has calibrated-as-trained outputs (a softmax, a logistic model);
 * a model without them (a vote, a tree ensemble) does not, and a validator that needs probabilities then cannot score
 * it, which the harness reports rather than guessing.
 */
public interface ClassProbabilities extends Predictor {
    /**
     * Row {@code i}: the probabilities of example {@code i} over the target's classes, in class-index order, each row
     * summing to one; its arg-max is {@link #predictClasses}'s class.
     */
    double[][] probabilities(Examples examples);

    /** Each row's probabilities over its first {@code classes} entries, renormalised to sum to one. */
    static double[][] restricted(double[][] rows, int classes) {
        double[][] out = new double[rows.length][classes];
        for (int i = 0; i < rows.length; i++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += rows[i][c];
            }
            for (int c = 0; c < classes; c++) {
                out[i][c] = sum > 0 ? rows[i][c] / sum : 1.0 / classes;
            }
        }
        return out;
    }

    /** The softmax of each row's first {@code classes} logits. */
    static double[][] softmax(double[][] logits, int classes) {
        double[][] out = new double[logits.length][classes];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[i][c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                out[i][c] = Math.exp(logits[i][c] - max);
                sum += out[i][c];
            }
            for (int c = 0; c < classes; c++) {
                out[i][c] /= sum;
            }
        }
        return out;
    }
}
