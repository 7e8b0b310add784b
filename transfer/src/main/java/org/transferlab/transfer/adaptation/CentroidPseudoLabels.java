package org.transferlab.transfer.adaptation;

/**
 * SHOT's self-supervised pseudo-labels (Liang, Hu &amp; Feng, ICML 2020, section 3.2 and its code), from the features
 * and class probabilities of the whole unlabelled target: each feature vector is extended by a constant 1 and
 * L2-normalised (as the authors' code does); class centroids are the probability-weighted means
 * c_k = Σ_i p_ik x_i / Σ_i p_ik; each example takes the class of the centroid nearest in cosine distance; then one
 * refinement round: centroids as the means of the examples so labelled, and labels again by the nearest centroid.
 * Only classes that are some example's arg-max prediction are candidates (the code's threshold of 0).
 */
public final class CentroidPseudoLabels {
    private CentroidPseudoLabels() {
    }

    /** The paper's one refinement round. */
    public static final int PAPER_ROUNDS = 1;

    /** A class index per row of {@code features}, from its class {@code probabilities} (rows of equal count). */
    public static int[] of(double[][] features, double[][] probabilities) {
        return of(features, probabilities, PAPER_ROUNDS);
    }

    /** As {@link #of(double[][], double[][])} with {@code rounds} refinement rounds (0: the soft centroids' labels). */
    public static int[] of(double[][] features, double[][] probabilities, int rounds) {
        int n = features.length;
        if (n == 0) {
            return new int[0];
        }
        double[][] x = normalisedWithBias(features);
        int k = probabilities[0].length;
        boolean[] candidate = new boolean[k];
        for (int label : AdaptationModel.argMax(probabilities, k)) {
            candidate[label] = true;
        }
        int[] labels = nearest(x, centroids(x, probabilities, k), candidate);
        for (int round = 0; round < rounds; round++) {
            double[][] oneHot = new double[n][k];
            for (int i = 0; i < n; i++) {
                oneHot[i][labels[i]] = 1;
            }
            labels = nearest(x, centroids(x, oneHot, k), candidate);
        }
        return labels;
    }

    private static double[][] normalisedWithBias(double[][] features) {
        double[][] x = new double[features.length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = java.util.Arrays.copyOf(features[i], features[i].length + 1);
            x[i][features[i].length] = 1;
            double norm = Math.sqrt(dot(x[i], x[i]));
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] /= norm;
            }
        }
        return x;
    }

    /** Σ_i w_ik x_i / (Σ_i w_ik + 1e-8) for each class k, as the code's epsilon. */
    private static double[][] centroids(double[][] x, double[][] weights, int k) {
        double[][] c = new double[k][x[0].length];
        double[] total = new double[k];
        for (int i = 0; i < x.length; i++) {
            for (int label = 0; label < k; label++) {
                total[label] += weights[i][label];
                for (int j = 0; j < x[i].length; j++) {
                    c[label][j] += weights[i][label] * x[i][j];
                }
            }
        }
        for (int label = 0; label < k; label++) {
            for (int j = 0; j < c[label].length; j++) {
                c[label][j] /= total[label] + 1e-8;
            }
        }
        return c;
    }

    /** The candidate class whose centroid is nearest each row in cosine distance (a zero centroid is never nearest). */
    private static int[] nearest(double[][] x, double[][] centroids, boolean[] candidate) {
        double[] norms = new double[centroids.length];
        for (int label = 0; label < centroids.length; label++) {
            norms[label] = Math.sqrt(dot(centroids[label], centroids[label]));
        }
        int[] labels = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int label = 0; label < centroids.length; label++) {
                if (!candidate[label] || norms[label] == 0) {
                    continue;
                }
                double distance = 1 - dot(x[i], centroids[label]) / norms[label];
                if (distance < best) {
                    best = distance;
                    labels[i] = label;
                }
            }
        }
        return labels;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
