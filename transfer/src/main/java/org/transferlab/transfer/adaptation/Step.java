package org.transferlab.transfer.adaptation;

import org.transferlab.core.data.Examples;

/**
 * One minibatch of joint training as an {@link AdaptationLoss} sees it: the rows are the source examples, then the
 * labelled target (budget) examples, then the unlabelled target examples, with the feature extractor's output and
 * the classifier's logits for each row.
 *
 * @param features   the feature extractor's output, one row per example
 * @param logits     the classifier's logits over the label space, one row per example
 * @param sourceRows how many rows come first from the source
 * @param budgetRows how many rows follow from the target's label budget
 * @param progress   how far training has come, in [0, 1]: steps taken / the most steps the schedule allows
 * @param epoch      the epoch, from 1
 * @param rows       the scaled examples of the rows, in the same order (the unlabelled ones with class 0): what a
 *                   term reads that depends on the inputs (DELTA's source features) or labels (Co-Tuning's)
 */
public record Step(double[][] features, double[][] logits, int sourceRows, int budgetRows, double progress, int epoch,
                   Examples rows) {

    /** The budget rows' examples. */
    public Examples budget() {
        return rows.subset(java.util.stream.IntStream.range(sourceRows, targetFrom()).toArray());
    }

    /** The index of the first unlabelled target row. */
    public int targetFrom() {
        return sourceRows + budgetRows;
    }

    /** How many unlabelled target rows there are. */
    public int targetRows() {
        return features.length - targetFrom();
    }

    /** Rows {@code from}..{@code to}-1 of {@code rows}, not copied. */
    public static double[][] slice(double[][] rows, int from, int to) {
        return java.util.Arrays.copyOfRange(rows, from, to);
    }

    /** The source rows and then the unlabelled target rows of {@code rows}, not copied: what a discrepancy compares. */
    public double[][] sourceAndTarget(double[][] rows) {
        double[][] both = new double[sourceRows + targetRows()][];
        System.arraycopy(rows, 0, both, 0, sourceRows);
        System.arraycopy(rows, targetFrom(), both, sourceRows, targetRows());
        return both;
    }

    /** Adds {@code gradient}, computed on {@link #sourceAndTarget}'s rows, into the matching rows of {@code into}. */
    public void addSourceAndTarget(LossGradient gradient, double[][] into) {
        double[][] g = gradient.gradient();
        for (int i = 0; i < g.length; i++) {
            int row = i < sourceRows ? i : targetFrom() + i - sourceRows;
            for (int j = 0; j < g[i].length; j++) {
                into[row][j] += g[i][j];
            }
        }
    }
}
