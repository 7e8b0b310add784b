package org.transferlab.transfer.clustering;

import org.transferlab.core.data.Examples;

/**
 * Lloyd's algorithm (Lloyd, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 1982) from given
 * centroids: assign each example to its nearest centroid (Euclidean), move each centroid to the mean of
 * its examples, until no assignment changes. A centroid that loses all its examples stays where it was.
 */
final class Lloyd {
    private Lloyd() {
    }

    record Result(double[][] centroids, int iterations, boolean converged) {
    }

    /** The mean of each class's examples; a class without examples gets the overall mean. */
    static double[][] classMeans(Examples examples, int classes) {
        int d = examples.featureCount();
        double[][] sums = new double[classes][d];
        int[] counts = new int[classes];
        double[] overall = new double[d];
        for (int i = 0; i < examples.size(); i++) {
            int c = examples.classOf(i);
            counts[c]++;
            for (int j = 0; j < d; j++) {
                sums[c][j] += examples.feature(i, j);
                overall[j] += examples.feature(i, j);
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d; j++) {
                sums[c][j] = counts[c] > 0 ? sums[c][j] / counts[c] : overall[j] / examples.size();
            }
        }
        return sums;
    }

    static Result run(Examples examples, double[][] initial, int maxIterations) {
        double[][] centroids = new double[initial.length][];
        for (int c = 0; c < initial.length; c++) {
            centroids[c] = initial[c].clone();
        }
        int[] assigned = null;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            int[] next = assign(examples, centroids);
            if (java.util.Arrays.equals(next, assigned)) {
                return new Result(centroids, iteration - 1, true);
            }
            assigned = next;
            update(examples, assigned, centroids);
        }
        return new Result(centroids, maxIterations, false);
    }

    static int[] assign(Examples examples, double[][] centroids) {
        int[] assigned = new int[examples.size()];
        for (int i = 0; i < assigned.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                double distance = 0;
                for (int j = 0; j < centroids[c].length; j++) {
                    double diff = examples.feature(i, j) - centroids[c][j];
                    distance += diff * diff;
                }
                if (distance < best) {
                    best = distance;
                    assigned[i] = c;
                }
            }
        }
        return assigned;
    }

    private static void update(Examples examples, int[] assigned, double[][] centroids) {
        int d = examples.featureCount();
        double[][] sums = new double[centroids.length][d];
        int[] counts = new int[centroids.length];
        for (int i = 0; i < assigned.length; i++) {
            counts[assigned[i]]++;
            for (int j = 0; j < d; j++) {
                sums[assigned[i]][j] += examples.feature(i, j);
            }
        }
        for (int c = 0; c < centroids.length; c++) {
            if (counts[c] > 0) {
                for (int j = 0; j < d; j++) {
                    centroids[c][j] = sums[c][j] / counts[c];
                }
            }
        }
    }
}
