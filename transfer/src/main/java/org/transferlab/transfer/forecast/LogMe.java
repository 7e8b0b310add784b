package org.transferlab.transfer.forecast;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * LogME, the logarithm of maximum evidence (You, Liu, Wang and Long, "LogME: Practical Assessment of Pre-trained Models
 * for Transfer Learning", ICML 2021). For each target class, a Bayesian linear regression from the features {@code F}
 * (n × D) to that class's indicator {@code y}, with prior {@code w ~ N(0, α⁻¹ I)} and noise {@code N(0, β⁻¹)}; its log
 * evidence
 * <pre>
 *   log p(y | F, α, β) = D/2 log α + n/2 log β − n/2 log 2π − β/2 ‖F m − y‖² − α/2 ‖m‖² − 1/2 log |A|,
 *   A = α I + β FᵀF,   m = β A⁻¹ Fᵀ y,
 * </pre>
 * is maximised over α and β by the paper's fixed-point iteration ({@code γ = Σ βσᵢ²/(α + βσᵢ²)}, {@code α = γ/‖m‖²},
 * {@code β = (n − γ)/‖F m − y‖²}, σᵢ² the eigenvalues of FᵀF), run until α/β changes by less than 10⁻⁶ relatively.
 * The score is the maximum evidence divided by n, averaged over the classes: higher means the features explain the
 * labels better with a linear model. It has no parameters.
 *
 * <p>Forecast: transfer helps when the source model's features score higher than those of the reference network (the
 * same architecture freshly initialised: where training from scratch starts). Registered as {@code logme}.
 */
public final class LogMe extends ScoreOfFit {
    public static final String NAME = "logme";
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-6;

    /** The evidence maximised for one class: the value per example and the α, β that maximise it. */
    record Evidence(double perExample, double alpha, double beta) {
    }

    @Override
    public String description() {
        return "LogME: maximum evidence of a Bayesian linear model on the source features (You et al., ICML 2021)";
    }

    @Override
    protected double score(LabelledFeatures view, int classes) {
        return score(view.features(), view.labels(), classes);
    }

    @Override
    protected String compared() {
        return "source features";
    }

    /** LogME of features (one row per example) for labels {@code 0 .. classes - 1}: the mean over classes of the evidence per example. */
    public static double score(double[][] features, int[] labels, int classes) {
        Spectrum spectrum = Spectrum.of(features);
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += maximise(spectrum, indicator(labels, k)).perExample();
        }
        return sum / classes;
    }

    static double[] indicator(int[] labels, int cls) {
        double[] y = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = labels[i] == cls ? 1 : 0;
        }
        return y;
    }

    /** The fixed-point iteration for one target vector. */
    static Evidence maximise(double[][] features, double[] y) {
        return maximise(Spectrum.of(features), y);
    }

    private static Evidence maximise(Spectrum s, double[] y) {
        int n = s.features.length;
        double[] z = s.project(y);
        double alpha = 1;
        double beta = 1;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] m = s.mean(z, alpha, beta);
            double gamma = 0;
            for (double lambda : s.eigenvalues) {
                gamma += beta * lambda / (alpha + beta * lambda);
            }
            double nextAlpha = gamma / Math.max(dot(m, m), Double.MIN_NORMAL);
            double nextBeta = (n - gamma) / Math.max(residual(s.features, m, y), Double.MIN_NORMAL);
            double ratio = alpha / beta;
            alpha = nextAlpha;
            beta = nextBeta;
            if (Math.abs(alpha / beta - ratio) <= TOLERANCE * ratio) {
                break;
            }
        }
        return new Evidence(evidence(s, y, z, alpha, beta) / n, alpha, beta);
    }

    /** The log evidence at given α and β, from the eigen-decomposition of FᵀF. */
    static double logEvidence(double[][] features, double[] y, double alpha, double beta) {
        Spectrum s = Spectrum.of(features);
        return evidence(s, y, s.project(y), alpha, beta);
    }

    private static double evidence(Spectrum s, double[] y, double[] z, double alpha, double beta) {
        int n = s.features.length;
        int d = s.eigenvalues.length;
        double[] m = s.mean(z, alpha, beta);
        double logDet = 0;
        for (double lambda : s.eigenvalues) {
            logDet += Math.log(alpha + beta * lambda);
        }
        return d / 2.0 * Math.log(alpha) + n / 2.0 * Math.log(beta) - n / 2.0 * Math.log(2 * Math.PI)
                - beta / 2 * residual(s.features, m, y) - alpha / 2 * dot(m, m) - logDet / 2;
    }

    private static double residual(double[][] features, double[] m, double[] y) {
        double sum = 0;
        for (int i = 0; i < features.length; i++) {
            double e = dot(features[i], m) - y[i];
            sum += e * e;
        }
        return sum;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** FᵀF's eigenvalues and eigenvectors, computed once for every class. */
    private static final class Spectrum {
        final double[][] features;
        final double[] eigenvalues;
        final RealMatrix vectors;

        private Spectrum(double[][] features, double[] eigenvalues, RealMatrix vectors) {
            this.features = features;
            this.eigenvalues = eigenvalues;
            this.vectors = vectors;
        }

        static Spectrum of(double[][] features) {
            if (features.length == 0) {
                throw new IllegalArgumentException("LogME needs at least one example");
            }
            RealMatrix f = MatrixUtils.createRealMatrix(features);
            EigenDecomposition eigen = new EigenDecomposition(f.transpose().multiply(f));
            double[] values = eigen.getRealEigenvalues().clone();
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.max(0, values[i]); // rounding can leave a zero eigenvalue slightly negative
            }
            return new Spectrum(features, values, eigen.getV());
        }

        /** Vᵀ Fᵀ y: Fᵀy in the eigenbasis. */
        double[] project(double[] y) {
            double[] fy = new double[vectors.getRowDimension()];
            for (int i = 0; i < features.length; i++) {
                for (int j = 0; j < fy.length; j++) {
                    fy[j] += features[i][j] * y[i];
                }
            }
            return vectors.transpose().operate(fy);
        }

        /** The posterior mean m = β A⁻¹ Fᵀ y, with A = V diag(α + βλ) Vᵀ. */
        double[] mean(double[] z, double alpha, double beta) {
            double[] scaled = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                scaled[i] = beta * z[i] / (alpha + beta * eigenvalues[i]);
            }
            return vectors.operate(scaled);
        }
    }
}
