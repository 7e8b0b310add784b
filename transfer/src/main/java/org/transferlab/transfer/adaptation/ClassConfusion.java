package org.transferlab.transfer.adaptation;

/**
 * The minimum-class-confusion loss (Jin, Wang, Long &amp; Wang, "Minimum Class Confusion for Versatile Domain
 * Adaptation", ECCV 2020) on a batch of target logits: with Ŷ = softmax(Z / T), uncertainty weights
 * W_i = b (1 + e^{-H(Ŷ_i)}) / Σ_j (1 + e^{-H(Ŷ_j)}) (held constant, as in the paper's code), the class confusion
 * C = Ŷᵀ diag(W) Ŷ, its category normalisation C̃_jk = C_jk / Σ_i C_ik, and the loss Σ_j Σ_{k≠j} C̃_jk / K.
 * Since each column of C̃ sums to 1, the loss is 1 - (1/K) Σ_j C_jj / s_j with s_j = Σ_i W_i Ŷ_ij, which is
 * what is differentiated.
 */
public final class ClassConfusion {
    private ClassConfusion() {
    }

    /** The loss and its gradient with respect to {@code logits}, at temperature {@code temperature}. */
    public static LossGradient of(double[][] logits, double temperature) {
        double[][] p = SoftmaxCrossEntropy.softmax(logits, temperature);
        return of(logits, temperature, weights(p));
    }

    /** The paper's uncertainty weights of each row of probabilities {@code p}: they average 1. */
    static double[] weights(double[][] p) {
        double[] w = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double entropy = 0;
            for (double q : p[i]) {
                entropy -= q > 0 ? q * Math.log(q) : 0;
            }
            w[i] = 1 + Math.exp(-entropy);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] *= p.length / sum;
        }
        return w;
    }

    /** The loss with the weights given, so that they are held fixed. */
    static LossGradient of(double[][] logits, double temperature, double[] w) {
        int b = logits.length;
        int classes = b == 0 ? 0 : logits[0].length;
        double[][] p = SoftmaxCrossEntropy.softmax(logits, temperature);
        double[] diagonal = new double[classes];
        double[] columns = new double[classes];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < classes; j++) {
                diagonal[j] += w[i] * p[i][j] * p[i][j];
                columns[j] += w[i] * p[i][j];
            }
        }
        double value = 0;
        double[][] dp = new double[b][classes];
        for (int j = 0; j < classes; j++) {
            if (columns[j] <= 0) {
                continue;
            }
            value += diagonal[j] / columns[j];
            for (int i = 0; i < b; i++) {
                dp[i][j] = -w[i] * (2 * p[i][j] * columns[j] - diagonal[j]) / (classes * columns[j] * columns[j]);
            }
        }
        return new LossGradient(b == 0 ? 0 : 1 - value / classes, SoftmaxCrossEntropy.throughSoftmax(p, dp, temperature));
    }
}
