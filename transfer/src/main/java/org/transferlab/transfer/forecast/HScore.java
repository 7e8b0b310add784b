package org.transferlab.transfer.forecast;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * H-score (Bao, Li, Huang, Wu and Zheng, "An Information-theoretic Approach to Transferability in Task Transfer
 * Learning", ICIP 2019): {@code H(f) = tr(cov(f)⁺ cov(E[f | y]))}, how much of the features' variance lies between the
 * target classes rather than within them, measured in the features' own metric ({@code ⁺}: the pseudo-inverse, so
 * redundant features do not break it). Between 0 and the number of classes minus one; higher is more transferable.
 * No parameters.
 *
 * <p>Forecast: transfer helps when the source model's features score higher than the reference network's (the same
 * architecture freshly initialised). Registered as {@code h-score}.
 */
public final class HScore implements TransferabilityScore {
    public static final String NAME = "h-score";

    @Override
    public String description() {
        return "H-score: between-class share of the source features' variance (Bao et al., ICIP 2019)";
    }

    @Override
    public boolean readsLabels() {
        return true;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Forecast forecast(ForecastInputs inputs) {
        if (!inputs.hasLabels()) {
            return Forecast.unavailable("needs target labels");
        }
        double value = score(inputs.transferred().features(), inputs.transferred().labels(), inputs.targetClasses());
        double reference = score(inputs.reference().features(), inputs.reference().labels(), inputs.targetClasses());
        return new Forecast(value, reference, value > reference, "source features above a fresh network's");
    }

    /** The H-score of features (one row per example) for labels {@code 0 .. classes - 1}. */
    public static double score(double[][] features, int[] labels, int classes) {
        int n = features.length;
        if (n < 2) {
            throw new IllegalArgumentException("the H-score needs at least two examples, got " + n);
        }
        int d = features[0].length;
        double[][] centred = centred(features);
        double[][] classMeans = new double[classes][d];
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < d; j++) {
                classMeans[labels[i]][j] += centred[i][j];
            }
        }
        double[][] between = new double[n][];
        for (int i = 0; i < n; i++) {
            between[i] = new double[d];
            for (int j = 0; j < d; j++) {
                between[i][j] = classMeans[labels[i]][j] / counts[labels[i]];
            }
        }
        RealMatrix f = MatrixUtils.createRealMatrix(centred);
        RealMatrix g = MatrixUtils.createRealMatrix(between);
        // Both covariances share the 1/(n − 1), which cancels in the product.
        RealMatrix covF = f.transpose().multiply(f);
        RealMatrix covG = g.transpose().multiply(g);
        return new SingularValueDecomposition(covF).getSolver().getInverse().multiply(covG).getTrace();
    }

    private static double[][] centred(double[][] features) {
        int n = features.length;
        int d = features[0].length;
        double[] mean = new double[d];
        for (double[] row : features) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = features[i][j] - mean[j];
            }
        }
        return out;
    }
}
