package org.transferlab.transfer.weighting;

import java.util.Arrays;

/** What the two weighting methods share: the width setting, the median heuristic over both samples, summaries. */
final class Kernels {
    private Kernels() {
    }

    /** A width setting is 0 (the median heuristic) or a positive, finite σ. */
    static void requireWidth(double width) {
        if (!(width >= 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("width must be 0 (the median heuristic) or a positive, finite kernel width, got "
                    + width);
        }
    }

    /** The kernel of width {@code width}, or by the median heuristic over up to 250 rows of each sample when it is 0. */
    static GaussianKernel kernel(double width, double[][] source, double[][] target) {
        if (width > 0) {
            return new GaussianKernel(width);
        }
        return GaussianKernel.medianHeuristic(pooled(source, target));
    }

    /** Up to 250 rows of each sample, taken evenly through it. */
    static double[][] pooled(double[][] source, double[][] target) {
        double[][] a = spread(source, 250);
        double[][] b = spread(target, 250);
        double[][] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static double[][] spread(double[][] rows, int most) {
        if (rows.length <= most) {
            return rows;
        }
        double[][] chosen = new double[most][];
        for (int i = 0; i < most; i++) {
            chosen[i] = rows[(int) ((long) i * rows.length / most)];
        }
        return chosen;
    }

    /** "n weights: mean, sd, min, max". */
    static String summary(double[] weights) {
        double mean = Arrays.stream(weights).average().orElse(Double.NaN);
        double variance = Arrays.stream(weights).map(w -> (w - mean) * (w - mean)).average().orElse(Double.NaN);
        return String.format(java.util.Locale.ROOT, "%d source weights, mean %.3f, sd %.3f, min %.3f, max %.3f", weights.length,
                mean, Math.sqrt(variance), Arrays.stream(weights).min().orElse(Double.NaN),
                Arrays.stream(weights).max().orElse(Double.NaN));
    }
}
