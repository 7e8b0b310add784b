package org.transferlab.transfer.adaptation;

/**
 * SHOT's information-maximisation loss (Liang, Hu &amp; Feng, "Do We Really Need to Access the Source Data? Source
 * Hypothesis Transfer for Unsupervised Domain Adaptation", ICML 2020) on a batch of logits, p_i = softmax(z_i):
 * L_IM = (1/n) Σ_i H(p_i) - H(p̄), p̄ = (1/n) Σ_i p_i, H(p) = -Σ_k p_k log p_k. The first term makes each prediction
 * confident, the second (diversity) keeps the batch's predictions spread over the classes. With respect to p_ij its
 * gradient is (log p̄_j - log p_ij) / n, which reaches the logits through the softmax. The paper's code adds 1e-5
 * inside the logarithms; this is the exact loss.
 */
public final class InformationMaximisation {
    private InformationMaximisation() {
    }

    /** L_IM of {@code logits} and its gradient with respect to them; 0 for no rows. */
    public static LossGradient of(double[][] logits) {
        int n = logits.length;
        if (n == 0) {
            return new LossGradient(0, new double[0][]);
        }
        double[][] p = SoftmaxCrossEntropy.softmax(logits, 1);
        int k = p[0].length;
        double[] mean = new double[k];
        double entropy = 0;
        for (double[] row : p) {
            for (int j = 0; j < k; j++) {
                mean[j] += row[j] / n;
                entropy -= plogp(row[j]) / n;
            }
        }
        double diversity = 0;
        for (double m : mean) {
            diversity -= plogp(m);
        }
        double[][] dP = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                dP[i][j] = (log(mean[j]) - log(p[i][j])) / n;
            }
        }
        return new LossGradient(entropy - diversity, SoftmaxCrossEntropy.throughSoftmax(p, dP, 1));
    }

    private static double plogp(double p) {
        return p > 0 ? p * Math.log(p) : 0;
    }

    /** log p, finite for p = 0 (where softmax's gradient multiplies it by 0). */
    private static double log(double p) {
        return Math.log(Math.max(p, 1e-300));
    }
}
