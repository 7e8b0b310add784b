package org.transferlab.transfer.weighting;

import java.util.SplittableRandom;

/** Gaussian point clouds for the weighting tests: rows of {@code d} features, each N(mean, sd²), seeded. */
final class Samples {
    private Samples() {
    }

    static double[][] gaussian(int n, int d, double mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = mean + sd * random.nextGaussian();
            }
        }
        return rows;
    }

    static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    static double sd(double[] values) {
        double mean = mean(values);
        return Math.sqrt(java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
    }

    /** The mean weight of the rows whose first feature lies in [from, to). */
    static double meanWeightWhere(double[][] rows, double[] weights, double from, double to) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i][0] >= from && rows[i][0] < to) {
                sum += weights[i];
                count++;
            }
        }
        if (count == 0) {
            throw new AssertionError("no row has its first feature in [" + from + ", " + to + ")");
        }
        return sum / count;
    }
}
