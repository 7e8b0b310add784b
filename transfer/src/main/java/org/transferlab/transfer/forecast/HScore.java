package org.transferlab.transfer.forecast;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * H-score (Bao, Li, Huang, Wu and Zheng, "An Information-theoretic Approach to Transferability in Task Transfer
 * Learning", ICIP 2019): {@code H(f) = tr(cov(f)⁻¹ cov(E[f | y]))}, how much of the features' variance lies between the
 * target classes rather than within them, in the features' own metric. Higher is more transferable.
 *
 * <p>With fewer examples than features (a budget of 5 labels a class on 128 features) the sample covariance is singular
 * and the plain score is {@code classes − 1} for any features, so it tells nothing. This is the shrinkage form of
 * Ibrahim, Ponomareva and Mazumder ("Newer is not always better: Rethinking transferability metrics, their
 * peculiarities, stability and performance", ECML PKDD 2022): {@code cov(f)} is replaced by the Ledoit-Wolf estimate
 * {@code (1 − ρ) S + ρ (tr S / d) I} (Ledoit and Wolf, J. Multivariate Analysis 2004, ρ from the data) and the
 * between-class covariance is scaled by {@code 1 − ρ}; with ρ = 0 (enough examples, or one feature) it is Bao et al.'s
 * score. No parameters.
 *
 * <p>Forecast: transfer helps when the source model's features score higher than the reference network's (the same
 * architecture freshly initialised). Registered as {@code h-score}.
 */
public final class HScore extends ScoreOfFit {
    public static final String NAME = "h-score";

    @Override
    public String description() {
        return "H-score: between-class share of the source features' variance (Bao et al., ICIP 2019)";
    }

    @Override
    protected double score(LabelledFeatures view, int classes) {
        return score(view.features(), view.labels(), classes);
    }

    @Override
    protected String compared() {
        return "source features";
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
        RealMatrix covF = f.transpose().multiply(f).scalarMultiply(1.0 / n);
        RealMatrix covG = g.transpose().multiply(g).scalarMultiply(1.0 / n);
        double rho = ledoitWolfShrinkage(centred, covF);
        double mu = covF.getTrace() / d;
        RealMatrix shrunk = covF.scalarMultiply(1 - rho).add(MatrixUtils.createRealIdentityMatrix(d).scalarMultiply(rho * mu));
        return new SingularValueDecomposition(shrunk).getSolver().getInverse().multiply(covG.scalarMultiply(1 - rho)).getTrace();
    }

    /** The Ledoit-Wolf shrinkage intensity towards {@code (tr S / d) I}, for centred rows whose covariance (1/n) is {@code s}. */
    static double ledoitWolfShrinkage(double[][] centred, RealMatrix s) {
        int n = centred.length;
        int d = s.getColumnDimension();
        double mu = s.getTrace() / d;
        double distance = 0; // ‖S − μI‖²_F: how far the sample covariance is from the target
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                double e = s.getEntry(j, k) - (j == k ? mu : 0);
                distance += e * e;
            }
        }
        double spread = 0; // Σᵢ ‖xᵢxᵢᵀ − S‖²_F / n²: how noisy S is as an estimate
        for (double[] x : centred) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    double e = x[j] * x[k] - s.getEntry(j, k);
                    spread += e * e;
                }
            }
        }
        spread /= (double) n * n;
        if (distance == 0) {
            return 0;
        }
        return Math.min(spread, distance) / distance;
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
