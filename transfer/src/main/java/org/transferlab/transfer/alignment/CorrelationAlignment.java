package org.transferlab.transfer.alignment;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The CORAL transform (Sun, Feng &amp; Saenko, "Return of Frustratingly Easy Domain Adaptation", AAAI
 * 2016): re-colour source features so that their covariance matches the target's,
 * x' = (x - mu_s) Cs^(-1/2) Ct^(1/2) + mu_t, with Cs = cov(source) + lambda I and Ct = cov(target) + lambda I.
 * When source and target have the same statistics it is the identity.
 */
public final class CorrelationAlignment {
    private final RealMatrix transform;
    private final double[] sourceMean;
    private final double[] targetMean;

    private CorrelationAlignment(RealMatrix transform, double[] sourceMean, double[] targetMean) {
        this.transform = transform;
        this.sourceMean = sourceMean;
        this.targetMean = targetMean;
    }

    /** Fits the transform from row-major feature matrices of {@code width} columns. */
    public static CorrelationAlignment fit(float[] source, float[] target, int width, double lambda) {
        double[] sourceMean = mean(source, width);
        double[] targetMean = mean(target, width);
        RealMatrix whiten = power(covariance(source, width, sourceMean, lambda), -0.5);
        RealMatrix colour = power(covariance(target, width, targetMean, lambda), 0.5);
        return new CorrelationAlignment(whiten.multiply(colour), sourceMean, targetMean);
    }

    /** Applies the transform to row-major features of the same width. */
    public float[] apply(float[] features) {
        int width = sourceMean.length;
        int rows = features.length / width;
        double[][] centred = new double[rows][width];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                centred[i][j] = features[i * width + j] - sourceMean[j];
            }
        }
        double[][] aligned = new Array2DRowRealMatrix(centred, false).multiply(transform).getData();
        float[] out = new float[features.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                out[i * width + j] = (float) (aligned[i][j] + targetMean[j]);
            }
        }
        return out;
    }

    private static double[] mean(float[] x, int width) {
        double[] mean = new double[width];
        int rows = x.length / width;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                mean[j] += x[i * width + j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= Math.max(1, rows);
        }
        return mean;
    }

    private static RealMatrix covariance(float[] x, int width, double[] mean, double lambda) {
        int rows = x.length / width;
        double[][] c = new double[width][width];
        for (int i = 0; i < rows; i++) {
            for (int a = 0; a < width; a++) {
                double da = x[i * width + a] - mean[a];
                for (int b = a; b < width; b++) {
                    c[a][b] += da * (x[i * width + b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < width; a++) {
            for (int b = a; b < width; b++) {
                c[a][b] /= Math.max(1, rows - 1);
                c[b][a] = c[a][b];
            }
            c[a][a] += lambda;
        }
        return MatrixUtils.createRealMatrix(c);
    }

    /** A symmetric positive definite matrix to a real power, through its eigen-decomposition. */
    private static RealMatrix power(RealMatrix symmetric, double exponent) {
        EigenDecomposition eigen = new EigenDecomposition(symmetric);
        double[] values = eigen.getRealEigenvalues();
        double[] powered = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            powered[i] = Math.pow(Math.max(values[i], 1e-12), exponent);
        }
        RealMatrix v = eigen.getV();
        return v.multiply(MatrixUtils.createRealDiagonalMatrix(powered)).multiply(v.transpose());
    }
}
