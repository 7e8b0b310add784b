package org.transferlab.transfer.alignment;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The CORAL transform (Sun, Feng &amp; Saenko, "Return of Frustratingly Easy Domain Adaptation", AAAI
 * 2016): re-colour source features so that their covariance matches the target's. As in the authors'
 * description of the method (Sun, Feng &amp; Saenko, "Correlation Alignment for Unsupervised Domain
 * Adaptation", in <i>Domain Adaptation in Computer Vision Applications</i>, Springer 2017,
 * arXiv:1612.01939), each domain's features are first standardised to zero mean and unit variance with
 * that domain's own statistics, and the identity times lambda is added to the covariances of those
 * standardised features, that is to the correlation matrices Rs and Rt. The result is expressed in the
 * target's units, so that a model trained on it applies to the target's features as they are:
 *
 * <pre>x' = ((x - mu_s) Ds^-1) (Rs + lambda I)^(-1/2) (Rt + lambda I)^(1/2) Dt + mu_t</pre>
 *
 * with mu the means and D the diagonal matrices of the features' standard deviations (n - 1 in the
 * denominator). Lambda is therefore measured in units of each feature's variance, whatever units the
 * features come in; the paper's lambda = 1 ("eye") is one unit. A feature that is constant in the source
 * is left unscaled (it is zero once centred); one constant in the target keeps the target's constant.
 *
 * <p>Properties the tests check: the identity when source and target are the same data; a target that is
 * the source under x -> D x + b with D positive and diagonal is recovered exactly, for any lambda; as lambda
 * goes to 0 the aligned source takes the target's covariance. CORAL cannot see a sign: a target that is the
 * source reflected (x -> -x + b) has the source's covariance, and the transform then only moves the mean.
 *
 * <p>Features must be finite (a NaN propagates into every aligned feature). Instances are immutable and
 * safe to share between threads.
 */
public final class CorrelationAlignment {
    /** From centred source features to aligned ones: Ds^-1 (Rs + lambda I)^(-1/2) (Rt + lambda I)^(1/2) Dt. */
    private final RealMatrix transform;
    private final double[] sourceMean;
    private final double[] targetMean;

    private CorrelationAlignment(RealMatrix transform, double[] sourceMean, double[] targetMean) {
        this.transform = transform;
        this.sourceMean = sourceMean;
        this.targetMean = targetMean;
    }

    /**
     * Fits the transform from row-major feature matrices of {@code width} columns.
     *
     * @param lambda added to the diagonal of both correlation matrices; positive
     */
    public static CorrelationAlignment fit(float[] source, float[] target, int width, double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        }
        double[] sourceMean = mean(source, width);
        double[] targetMean = mean(target, width);
        double[][] sourceCovariance = covariance(source, width, sourceMean);
        double[][] targetCovariance = covariance(target, width, targetMean);
        double[] sourceScale = scales(sourceCovariance, sourceMean);
        double[] targetScale = scales(targetCovariance, targetMean);
        RealMatrix whiten = power(correlation(sourceCovariance, sourceScale, lambda), -0.5);
        RealMatrix colour = power(correlation(targetCovariance, targetScale, lambda), 0.5);
        double[] unscale = new double[width];
        double[] rescale = new double[width];
        for (int j = 0; j < width; j++) {
            unscale[j] = 1 / (Double.isNaN(sourceScale[j]) ? 1 : sourceScale[j]);
            // A target feature that never varies must not vary in the aligned source either.
            rescale[j] = Double.isNaN(targetScale[j]) ? 0 : targetScale[j];
        }
        RealMatrix transform = MatrixUtils.createRealDiagonalMatrix(unscale).multiply(whiten).multiply(colour)
                .multiply(MatrixUtils.createRealDiagonalMatrix(rescale));
        return new CorrelationAlignment(transform, sourceMean, targetMean);
    }

    /** Aligns row-major source features of the same width; the result is in the target's units (the formula above). */
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

    private static double[][] covariance(float[] x, int width, double[] mean) {
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
        }
        return c;
    }

    /**
     * Each feature's standard deviation; NaN for a constant feature. Float features that are constant can
     * show a variance of rounding size, so "constant" is a variance below 1e-12 of the squared magnitude.
     */
    private static double[] scales(double[][] covariance, double[] mean) {
        double[] scale = new double[mean.length];
        for (int j = 0; j < mean.length; j++) {
            double variance = covariance[j][j];
            scale[j] = variance > 1e-12 * (1 + mean[j] * mean[j]) ? Math.sqrt(variance) : Double.NaN;
        }
        return scale;
    }

    /** The covariance of the standardised features (zero rows for constant ones) plus lambda I. */
    private static RealMatrix correlation(double[][] covariance, double[] scale, double lambda) {
        int width = scale.length;
        double[][] r = new double[width][width];
        for (int a = 0; a < width; a++) {
            for (int b = 0; b < width; b++) {
                r[a][b] = Double.isNaN(scale[a]) || Double.isNaN(scale[b]) ? 0 : covariance[a][b] / (scale[a] * scale[b]);
            }
            r[a][a] += lambda;
        }
        return MatrixUtils.createRealMatrix(r);
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
