package org.transferlab.transfer.adaptation;

import java.util.SplittableRandom;

/**
 * CDAN's multilinear conditioning (Long, Cao, Wang &amp; Jordan, "Conditional Adversarial Domain Adaptation",
 * NeurIPS 2018): what its domain discriminator sees of an example with features f (d of them) and class
 * probabilities g (K of them). Exact, the flattened outer product h = vec(f ⊗ g), h[a·K + c] = f_a g_c, of width
 * d·K, while d·K ≤ {@link #EXACT_LIMIT}; above that, the paper's randomized multilinear map
 * h = (R_f f) ⊙ (R_g g) / √m of width m = {@link #RANDOM_WIDTH}, R_f (m × d) and R_g (m × K) fixed Gaussian matrices
 * drawn once from a seed, which keeps the inner products of the exact map in expectation at a width the
 * discriminator can take. {@link #backward} gives the gradients with respect to both f and g.
 */
public final class MultilinearMap {
    /** The widest outer product used exactly (the paper switches to the randomized map above 4096 dimensions). */
    public static final int EXACT_LIMIT = 4096;
    /** The randomized map's width, the paper's 1024. */
    public static final int RANDOM_WIDTH = 1024;

    private final int features;
    private final int classes;
    /** R_f and R_g, one row per output dimension; null for the exact map. */
    private final double[][] featureProjection;
    private final double[][] classProjection;

    private MultilinearMap(int features, int classes, double[][] featureProjection, double[][] classProjection) {
        if (features < 1 || classes < 1) {
            throw new IllegalArgumentException("a multilinear map needs features and classes, got " + features + " and " + classes);
        }
        this.features = features;
        this.classes = classes;
        this.featureProjection = featureProjection;
        this.classProjection = classProjection;
    }

    /** The exact map while {@code features}·{@code classes} ≤ {@link #EXACT_LIMIT}, else the randomized one from {@code seed}. */
    public static MultilinearMap of(int features, int classes, long seed) {
        return (long) features * classes <= EXACT_LIMIT ? exact(features, classes) : randomized(features, classes, RANDOM_WIDTH, seed);
    }

    /** The flattened outer product f ⊗ g. */
    public static MultilinearMap exact(int features, int classes) {
        return new MultilinearMap(features, classes, null, null);
    }

    /** The randomized map of {@code width} dimensions, its matrices' entries standard normal, drawn from {@code seed}. */
    public static MultilinearMap randomized(int features, int classes, int width, long seed) {
        if (width < 1) {
            throw new IllegalArgumentException("a randomized multilinear map needs a positive width, got " + width);
        }
        SplittableRandom random = new SplittableRandom(seed);
        return new MultilinearMap(features, classes, gaussian(width, features, random), gaussian(width, classes, random));
    }

    private static double[][] gaussian(int rows, int columns, SplittableRandom random) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    /** The width of h. */
    public int width() {
        return featureProjection == null ? features * classes : featureProjection.length;
    }

    /** h for each row of {@code f} (features) and {@code g} (class probabilities). */
    public double[][] forward(double[][] f, double[][] g) {
        double[][] h = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            h[i] = new double[width()];
            if (featureProjection == null) {
                for (int a = 0; a < features; a++) {
                    for (int c = 0; c < classes; c++) {
                        h[i][a * classes + c] = f[i][a] * g[i][c];
                    }
                }
            } else {
                double scale = Math.sqrt(width());
                for (int k = 0; k < h[i].length; k++) {
                    h[i][k] = dot(featureProjection[k], f[i]) * dot(classProjection[k], g[i]) / scale;
                }
            }
        }
        return h;
    }

    /** The gradients with respect to the features and the class probabilities of a loss whose gradient with respect to h is {@code dH}. */
    public Backward backward(double[][] f, double[][] g, double[][] dH) {
        double[][] dF = new double[f.length][features];
        double[][] dG = new double[f.length][classes];
        for (int i = 0; i < f.length; i++) {
            if (featureProjection == null) {
                for (int a = 0; a < features; a++) {
                    for (int c = 0; c < classes; c++) {
                        double d = dH[i][a * classes + c];
                        dF[i][a] += d * g[i][c];
                        dG[i][c] += d * f[i][a];
                    }
                }
            } else {
                double scale = Math.sqrt(width());
                for (int k = 0; k < dH[i].length; k++) {
                    double u = dot(featureProjection[k], f[i]);
                    double v = dot(classProjection[k], g[i]);
                    double dU = dH[i][k] * v / scale;
                    double dV = dH[i][k] * u / scale;
                    for (int a = 0; a < features; a++) {
                        dF[i][a] += dU * featureProjection[k][a];
                    }
                    for (int c = 0; c < classes; c++) {
                        dG[i][c] += dV * classProjection[k][c];
                    }
                }
            }
        }
        return new Backward(dF, dG);
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += x[j] * y[j];
        }
        return s;
    }

    /** d loss / d f and d loss / d g, one row per example. */
    public record Backward(double[][] dFeatures, double[][] dPredictions) {
    }
}
