package org.transferlab.transfer.adaptation;

/** The mean cross-entropy of softmax(logits) against class indices, and its gradient with respect to the logits. */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** The row-wise softmax of {@code logits} at temperature {@code temperature}. */
    public static double[][] softmax(double[][] logits, double temperature) {
        double[][] p = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double z : logits[i]) {
                max = Math.max(max, z);
            }
            p[i] = new double[logits[i].length];
            double sum = 0;
            for (int j = 0; j < p[i].length; j++) {
                p[i][j] = Math.exp((logits[i][j] - max) / temperature);
                sum += p[i][j];
            }
            for (int j = 0; j < p[i].length; j++) {
                p[i][j] /= sum;
            }
        }
        return p;
    }

    /** The mean over rows of -log softmax(logits)[class]; 0 with a zero gradient for no rows. */
    public static LossGradient of(double[][] logits, int[] classes) {
        double[][] p = softmax(logits, 1);
        double loss = 0;
        for (int i = 0; i < logits.length; i++) {
            loss -= Math.log(Math.max(p[i][classes[i]], 1e-300));
            p[i][classes[i]] -= 1;
            for (int j = 0; j < p[i].length; j++) {
                p[i][j] /= logits.length;
            }
        }
        return new LossGradient(logits.length == 0 ? 0 : loss / logits.length, p);
    }

    /**
     * Σ_i weights[i] · -log softmax(logits_i)[class_i], each row weighted as given (not averaged), and its gradient
     * with respect to the logits.
     */
    public static LossGradient weighted(double[][] logits, int[] classes, double[] weights) {
        double[][] p = softmax(logits, 1);
        double loss = 0;
        for (int i = 0; i < logits.length; i++) {
            loss -= weights[i] * Math.log(Math.max(p[i][classes[i]], 1e-300));
            p[i][classes[i]] -= 1;
            for (int j = 0; j < p[i].length; j++) {
                p[i][j] *= weights[i];
            }
        }
        return new LossGradient(loss, p);
    }

    /**
     * The mean over rows of the cross-entropy -Σ_k q_k log softmax(logits)_k against the distributions {@code targets}
     * (one per row, each summing to 1), with its gradient (softmax(logits) - q) / rows; 0 for no rows.
     */
    public static LossGradient ofDistributions(double[][] logits, double[][] targets) {
        double[][] p = softmax(logits, 1);
        double loss = 0;
        for (int i = 0; i < logits.length; i++) {
            for (int k = 0; k < p[i].length; k++) {
                loss -= targets[i][k] * Math.log(Math.max(p[i][k], 1e-300));
                p[i][k] = (p[i][k] - targets[i][k]) / logits.length;
            }
        }
        return new LossGradient(logits.length == 0 ? 0 : loss / logits.length, p);
    }

    /**
     * The gradient with respect to the logits of a loss whose gradient with respect to softmax(logits / T) is
     * {@code dProbabilities}: (1/T) p ⊙ (g - (g·p)) row by row.
     */
    public static double[][] throughSoftmax(double[][] probabilities, double[][] dProbabilities, double temperature) {
        double[][] d = new double[probabilities.length][];
        for (int i = 0; i < probabilities.length; i++) {
            double dot = 0;
            for (int j = 0; j < probabilities[i].length; j++) {
                dot += dProbabilities[i][j] * probabilities[i][j];
            }
            d[i] = new double[probabilities[i].length];
            for (int j = 0; j < d[i].length; j++) {
                d[i][j] = probabilities[i][j] * (dProbabilities[i][j] - dot) / temperature;
            }
        }
        return d;
    }
}
