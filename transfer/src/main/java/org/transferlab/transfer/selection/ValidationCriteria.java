package org.transferlab.transfer.selection;

/**
 * Scores for choosing among candidates without target labels, each a function of a candidate's class probabilities;
 * higher is better for every one of them, so a selector keeps the candidate with the highest score.
 *
 * <ul>
 *   <li>{@link #negativeEntropy}: minus the mean prediction entropy on unlabelled target examples, the entropy
 *       criterion of Morerio, Cavazza and Murino ("Minimal-Entropy Correlation Alignment for Unsupervised Deep Domain
 *       Adaptation", ICLR 2018).</li>
 *   <li>{@link #softNeighbourhoodDensity}: SND (Saito, Kim, Teterwak, Sclaroff, Darrell and Saenko, "Tune it the Right
 *       Way: Unsupervised Validation of Domain Adaptation via Soft Neighborhood Density", ICCV 2021): the mean entropy
 *       of each target example's soft neighbourhood among the others, in the space of its L2-normalised probabilities,
 *       at temperature τ (0.05 in the paper). Higher: target predictions that cluster densely.</li>
 *   <li>{@link #importanceWeightedAccuracy} and {@link #importanceWeightedLoss}: IWCV (Sugiyama, Krauledat and Müller,
 *       "Covariate Shift Adaptation by Importance Weighted Cross Validation", JMLR 2007): held-out source examples,
 *       each weighted by its density ratio p_target(x) / p_source(x), as an unbiased estimate of the target risk.</li>
 *   <li>{@link #deepEmbeddedValidation}: DEV (You, Wang, Long and Wang, "Towards Accurate Model Selection in Deep
 *       Unsupervised Domain Adaptation", ICML 2019): IWCV's weighted loss with the weights as a control variate,
 *       {@code mean(w ℓ) + η mean(w) − η} with {@code η = −Cov(w ℓ, w) / Var(w)}, which lowers its variance.</li>
 * </ul>
 */
public final class ValidationCriteria {
    /** SND's temperature in Saito et al.'s experiments. */
    public static final double SND_TEMPERATURE = 0.05;
    private static final double FLOOR = 1e-12;

    private ValidationCriteria() {
    }

    /** Minus the mean entropy (nats) of the rows of {@code probabilities}. */
    public static double negativeEntropy(double[][] probabilities) {
        requireRows(probabilities, 1, "the entropy");
        double sum = 0;
        for (double[] row : probabilities) {
            sum += entropy(row);
        }
        return -sum / probabilities.length;
    }

    /** SND of the target rows {@code probabilities} at temperature {@code tau}. */
    public static double softNeighbourhoodDensity(double[][] probabilities, double tau) {
        requireRows(probabilities, 2, "SND");
        int n = probabilities.length;
        double[][] unit = new double[n][];
        for (int i = 0; i < n; i++) {
            double norm = Math.sqrt(dot(probabilities[i], probabilities[i]));
            unit[i] = new double[probabilities[i].length];
            for (int k = 0; k < unit[i].length; k++) {
                unit[i][k] = probabilities[i][k] / Math.max(norm, FLOOR);
            }
        }
        double sum = 0;
        double[] logits = new double[n - 1];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    logits[m++] = dot(unit[i], unit[j]) / tau;
                }
            }
            sum += entropy(softmax(logits));
        }
        return sum / n;
    }

    /** The density-ratio-weighted share of held-out source examples the candidate classifies right. */
    public static double importanceWeightedAccuracy(double[][] probabilities, int[] labels, double[] weights) {
        requireSame(probabilities, labels, weights);
        double right = 0;
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            right += weights[i] * (argMax(probabilities[i]) == labels[i] ? 1 : 0);
            total += weights[i];
        }
        return total > 0 ? right / total : Double.NaN;
    }

    /** Minus IWCV's estimate of the target cross-entropy: {@code −mean(w ℓ)} over held-out source examples. */
    public static double importanceWeightedLoss(double[][] probabilities, int[] labels, double[] weights) {
        requireSame(probabilities, labels, weights);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum += weights[i] * loss(probabilities[i], labels[i]);
        }
        return -sum / labels.length;
    }

    /** Minus DEV's estimate of the target cross-entropy over held-out source examples. */
    public static double deepEmbeddedValidation(double[][] probabilities, int[] labels, double[] weights) {
        requireSame(probabilities, labels, weights);
        int n = labels.length;
        double[] weighted = new double[n];
        for (int i = 0; i < n; i++) {
            weighted[i] = weights[i] * loss(probabilities[i], labels[i]);
        }
        double meanL = mean(weighted);
        double meanW = mean(weights);
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (weighted[i] - meanL) * (weights[i] - meanW);
            variance += (weights[i] - meanW) * (weights[i] - meanW);
        }
        // Identical weights carry no information as a control variate: DEV is then IWCV.
        double eta = variance > 0 ? -covariance / variance : 0;
        return -(meanL + eta * meanW - eta);
    }

    static double entropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    private static double loss(double[] p, int label) {
        return -Math.log(Math.max(p[label], FLOOR));
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    private static void requireRows(double[][] rows, int least, String what) {
        if (rows.length < least) {
            throw new IllegalArgumentException(what + " needs at least " + least + " examples, got " + rows.length);
        }
    }

    private static void requireSame(double[][] probabilities, int[] labels, double[] weights) {
        if (probabilities.length != labels.length || weights.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("one probability row, label and weight per held-out example, got "
                    + probabilities.length + ", " + labels.length + " and " + weights.length);
        }
    }
}
