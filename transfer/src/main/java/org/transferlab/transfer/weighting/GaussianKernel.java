package org.transferlab.transfer.weighting;

import java.util.Arrays;

/**
 * The Gaussian kernel k(x, y) = exp(−‖x − y‖² / (2σ²)) of width σ, on rows of standardised features, with the
 * median heuristic for σ (the median distance between points; Gretton et al., "A Kernel Two-Sample Test", JMLR
 * 2012). Immutable.
 *
 * @param width σ, positive and finite
 */
record GaussianKernel(double width) {
    /** At most this many points enter the median heuristic, so its cost stays bounded. */
    private static final int MEDIAN_POINTS = 500;

    GaussianKernel {
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("the kernel width must be positive and finite, got " + width);
        }
    }

    /** exp(−d / (2σ²)) of each squared distance d. */
    double[][] of(double[][] squaredDistances) {
        double scale = -1 / (2 * width * width);
        double[][] k = new double[squaredDistances.length][];
        for (int i = 0; i < k.length; i++) {
            k[i] = new double[squaredDistances[i].length];
            for (int j = 0; j < k[i].length; j++) {
                k[i][j] = Math.exp(scale * squaredDistances[i][j]);
            }
        }
        return k;
    }

    /** The kernel between every row of {@code a} and every row of {@code b}. */
    double[][] between(double[][] a, double[][] b) {
        return of(squaredDistances(a, b));
    }

    /** ‖a_i − b_j‖² for every row i of {@code a} and j of {@code b}. */
    static double[][] squaredDistances(double[][] a, double[][] b) {
        double[][] d = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double sum = 0;
                for (int f = 0; f < a[i].length; f++) {
                    double diff = a[i][f] - b[j][f];
                    sum += diff * diff;
                }
                d[i][j] = sum;
            }
        }
        return d;
    }

    /**
     * The median of the distances between distinct points of {@code points} (the first {@value #MEDIAN_POINTS} of
     * them, which callers pass in random order); 1 when every point is the same.
     */
    static GaussianKernel medianHeuristic(double[][] points) {
        int n = Math.min(points.length, MEDIAN_POINTS);
        double[][] used = Arrays.copyOf(points, n);
        double[][] d = squaredDistances(used, used);
        double[] pairs = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs[k++] = d[i][j];
            }
        }
        if (pairs.length == 0) {
            return new GaussianKernel(1);
        }
        Arrays.sort(pairs);
        double median = Math.sqrt(pairs.length % 2 == 1 ? pairs[pairs.length / 2]
                : (pairs[pairs.length / 2 - 1] + pairs[pairs.length / 2]) / 2);
        return new GaussianKernel(median > 1e-12 ? median : 1);
    }
}
