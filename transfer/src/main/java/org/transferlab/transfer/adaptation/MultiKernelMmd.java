package org.transferlab.transfer.adaptation;

import java.util.List;

/**
 * The multi-kernel maximum mean discrepancy of DAN (Long, Cao, Wang &amp; Jordan, "Learning Transferable Features
 * with Deep Adaptation Networks", ICML 2015): MMD² between a source and a target batch under the sum of Gaussian
 * kernels k_a(x, y) = exp(-||x - y||² / (2 a σ²)), σ² the mean squared distance between all rows of the two batches
 * together, for each multiplier a of {@link #multipliers}. The estimate is the biased (V-statistic) one, which is
 * exactly zero for two identical batches: (1/n_s²) Σ k(s, s') + (1/n_t²) Σ k(t, t') - (2 / (n_s n_t)) Σ k(s, t).
 * The bandwidth is a constant of each step, not differentiated, as in the reference implementations.
 */
public final class MultiKernelMmd {
    private final List<Double> multipliers;

    /** The kernel family of DAN's reference code (Transfer-Learning-Library): a = 2^-3 .. 2^1. */
    public static final List<Double> DAN_MULTIPLIERS = List.of(0.125, 0.25, 0.5, 1.0, 2.0);

    public MultiKernelMmd(List<Double> multipliers) {
        if (multipliers.isEmpty() || multipliers.stream().anyMatch(a -> !(a > 0) || Double.isInfinite(a))) {
            throw new IllegalArgumentException("kernel multipliers must be positive, got " + multipliers);
        }
        this.multipliers = List.copyOf(multipliers);
    }

    /** MMD² between rows 0..{@code sourceRows}-1 and the rest of {@code rows}, with its gradient for every row. */
    public LossGradient of(double[][] rows, int sourceRows) {
        int n = rows.length;
        int targetRows = n - sourceRows;
        double[][] gradient = new double[n][rows.length == 0 ? 0 : rows[0].length];
        if (sourceRows == 0 || targetRows == 0) {
            return new LossGradient(0, gradient);
        }
        return of(rows, sourceRows, meanSquaredDistance(rows));
    }

    /** The mean of ||x_a - x_b||² over all ordered pairs of rows, a = b included: the σ² of multiplier 1. */
    static double meanSquaredDistance(double[][] rows) {
        double mean = 0;
        for (int a = 0; a < rows.length; a++) {
            for (int b = a + 1; b < rows.length; b++) {
                mean += 2 * squaredDistance(rows[a], rows[b]);
            }
        }
        return rows.length == 0 ? 0 : mean / ((double) rows.length * rows.length);
    }

    private static double squaredDistance(double[] x, double[] y) {
        double d = 0;
        for (int j = 0; j < x.length; j++) {
            double diff = x[j] - y[j];
            d += diff * diff;
        }
        return d;
    }

    /** {@link #of(double[][], int)} with the bandwidth's σ² given, so that it is held fixed. */
    LossGradient of(double[][] rows, int sourceRows, double mean) {
        int n = rows.length;
        int targetRows = n - sourceRows;
        double[][] gradient = new double[n][rows.length == 0 ? 0 : rows[0].length];
        if (sourceRows == 0 || targetRows == 0) {
            return new LossGradient(0, gradient);
        }
        double[][] squared = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                squared[a][b] = squaredDistance(rows[a], rows[b]);
                squared[b][a] = squared[a][b];
            }
        }
        if (mean == 0) {
            return new LossGradient(0, gradient);
        }
        double value = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double weight = weight(a < sourceRows, b < sourceRows, sourceRows, targetRows);
                double sum = 0;
                double slope = 0;
                for (double multiplier : multipliers) {
                    double sigma2 = multiplier * mean;
                    double k = Math.exp(-squared[a][b] / (2 * sigma2));
                    sum += k;
                    slope += k / sigma2;
                }
                value += weight * sum;
                if (a != b) {
                    // d k(x_a, x_b) / d x_a = -k (x_a - x_b) / σ², and the pair appears as (a, b) and (b, a).
                    double factor = -2 * weight * slope;
                    for (int j = 0; j < rows[a].length; j++) {
                        gradient[a][j] += factor * (rows[a][j] - rows[b][j]);
                    }
                }
            }
        }
        return new LossGradient(value, gradient);
    }

    private static double weight(boolean aSource, boolean bSource, int sourceRows, int targetRows) {
        if (aSource && bSource) {
            return 1.0 / ((double) sourceRows * sourceRows);
        }
        if (!aSource && !bSource) {
            return 1.0 / ((double) targetRows * targetRows);
        }
        return -1.0 / ((double) sourceRows * targetRows);
    }
}
