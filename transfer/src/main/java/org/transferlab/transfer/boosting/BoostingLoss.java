package org.transferlab.transfer.boosting;

/**
 * AdaBoost.R2's loss of one example (Drucker, "Improving Regressors using Boosting Techniques", ICML 1997), a
 * function of its relative error r = |y − h(x)| / D in [0, 1], D the largest error over the rows measured.
 */
public enum BoostingLoss {
    /** L = r, Drucker's and Pardoe &amp; Stone's default. */
    LINEAR,
    /** L = r². */
    SQUARE,
    /** L = 1 − e^{−r}. */
    EXPONENTIAL;

    /** The loss at relative error {@code relative}. */
    double of(double relative) {
        return switch (this) {
            case LINEAR -> relative;
            case SQUARE -> relative * relative;
            case EXPONENTIAL -> 1 - Math.exp(-relative);
        };
    }

    /** The loss of each of {@code predicted} against {@code truth}, relative to the largest error; all 0 when none errs. */
    double[] of(double[] truth, double[] predicted) {
        double largest = 0;
        for (int i = 0; i < truth.length; i++) {
            largest = Math.max(largest, Math.abs(truth[i] - predicted[i]));
        }
        double[] losses = new double[truth.length];
        for (int i = 0; largest > 0 && i < truth.length; i++) {
            losses[i] = of(Math.abs(truth[i] - predicted[i]) / largest);
        }
        return losses;
    }
}
