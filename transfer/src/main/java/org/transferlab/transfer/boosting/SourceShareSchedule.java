package org.transferlab.transfer.boosting;

/**
 * Stage 1 of two-stage TrAdaBoost.R2 ({@link TrAdaBoostR2}): how much of the weight the target rows hold at each
 * step, and the β that moves the source's weights there. At step s of S (0-based) the target's share is
 * <pre>
 *   n_t/(n_s + n_t) + s/(S − 1) · (1 − n_t/(n_s + n_t)),
 * </pre>
 * from its share under uniform weights at the first step to all of the weight at the last. Source row i's weight is
 * multiplied by β^{e_i}, e_i its loss under the step's tree, with β in [0, 1] found by bisection so that the target
 * holds that share after normalisation.
 */
final class SourceShareSchedule {
    private static final int BISECTIONS = 100;

    private SourceShareSchedule() {
    }

    /** The target's share of the weight at {@code step} (0-based) of {@code steps}. */
    static double targetShare(int step, int steps, int targetRows, int sourceRows) {
        double uniform = (double) targetRows / (targetRows + sourceRows);
        return steps == 1 ? uniform : uniform + (double) step / (steps - 1) * (1 - uniform);
    }

    /**
     * The β in [0, 1] for which Σ target / (Σ target + Σ_i sourceWeights_i · β^{losses_i}) = {@code share}: 1 where the
     * target already holds that much, 0 where even β = 0 leaves it short (the source rows of loss 0 keep their weight).
     */
    static double beta(double targetTotal, double[] sourceWeights, double[] losses, double share) {
        double wanted = share >= 1 ? 0 : targetTotal * (1 - share) / share;
        if (sourceTotal(sourceWeights, losses, 1) <= wanted) {
            return 1;
        }
        if (sourceTotal(sourceWeights, losses, 0) >= wanted) {
            return 0;
        }
        double low = 0;
        double high = 1;
        for (int k = 0; k < BISECTIONS; k++) {
            double middle = (low + high) / 2;
            if (sourceTotal(sourceWeights, losses, middle) > wanted) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return (low + high) / 2;
    }

    /** Each source weight times β^{loss}. */
    static double[] reweigh(double[] sourceWeights, double[] losses, double beta) {
        double[] reweighed = new double[sourceWeights.length];
        for (int i = 0; i < reweighed.length; i++) {
            reweighed[i] = sourceWeights[i] * Math.pow(beta, losses[i]);
        }
        return reweighed;
    }

    private static double sourceTotal(double[] sourceWeights, double[] losses, double beta) {
        double total = 0;
        for (int i = 0; i < sourceWeights.length; i++) {
            total += sourceWeights[i] * Math.pow(beta, losses[i]);
        }
        return total;
    }
}
