package org.transferlab.transfer.adaptation;

/**
 * CDAN+E's entropy conditioning (Long, Cao, Wang &amp; Jordan, "Conditional Adversarial Domain Adaptation",
 * NeurIPS 2018): each example's domain loss is weighted by w = 1 + e^{-H(g)}, H(g) = -Σ_c g_c log g_c the entropy of
 * its class probabilities, so confident examples (w up to 2) count more than uncertain ones (w down to 1 + 1/K).
 * As in the paper's code, the weights are normalised within each domain of the batch, to sum to 1 over the source
 * rows and to 1 over the target rows. They are constants of the step: no gradient flows through them.
 */
public final class EntropyConditioning {
    private EntropyConditioning() {
    }

    /** w = 1 + e^{-H(g)} of each row of class probabilities. */
    public static double[] raw(double[][] probabilities) {
        double[] w = new double[probabilities.length];
        for (int i = 0; i < w.length; i++) {
            double entropy = 0;
            for (double p : probabilities[i]) {
                entropy -= p > 0 ? p * Math.log(p) : 0;
            }
            w[i] = 1 + Math.exp(-entropy);
        }
        return w;
    }

    /** {@link #raw} normalised to sum to 1 over rows 0..{@code sourceRows}-1 and to 1 over the others. */
    public static double[] weights(double[][] probabilities, int sourceRows) {
        double[] w = raw(probabilities);
        double source = 0;
        double target = 0;
        for (int i = 0; i < w.length; i++) {
            if (i < sourceRows) {
                source += w[i];
            } else {
                target += w[i];
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= i < sourceRows ? source : target;
        }
        return w;
    }
}
