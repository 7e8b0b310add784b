package org.transferlab.transfer.regression;

import java.util.Arrays;
import java.util.function.Function;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.transfer.ValuePredictor;

/**
 * A fitted linear model over standardised features: ŷ = φ(z)ᵀw with z the example's features
 * standardised by statistics of the model's own training data and φ a design (by default z followed by
 * a constant 1 for the intercept). Immutable and thread-safe.
 */
final class LinearModel implements ValuePredictor {
    private final Standardizer standardizer;
    private final Function<double[], double[]> design;
    private final double[] coefficients;

    LinearModel(Standardizer standardizer, Function<double[], double[]> design, double[] coefficients) {
        this.standardizer = standardizer;
        this.design = design;
        this.coefficients = coefficients.clone();
    }

    /** z followed by 1: weights, then the intercept. */
    static double[] withIntercept(double[] z) {
        double[] row = Arrays.copyOf(z, z.length + 1);
        row[z.length] = 1;
        return row;
    }

    /**
     * Ridge regression on standardised features with an unpenalised intercept (Hoerl &amp; Kennard 1970).
     *
     * @param weights each example's weight; null for all 1
     */
    static LinearModel ridge(Standardizer standardizer, Examples train, double[] weights, double l2) {
        int d = train.featureCount();
        double[] penalty = new double[d + 1];
        Arrays.fill(penalty, 0, d, l2);
        return fit(standardizer, LinearModel::withIntercept, train, weights, penalty, new double[d + 1]);
    }

    /** Minimises Σ c_i (φ(z_i)ᵀw − y_i)² + Σ λ_j (w_j − m_j)²; see {@link PenalisedLeastSquares}. */
    static LinearModel fit(Standardizer standardizer, Function<double[], double[]> design, Examples train,
                           double[] weights, double[] penalty, double[] centre) {
        double[][] rows = rows(standardizer, design, train);
        double[] c = weights != null ? weights : ones(train.size());
        return new LinearModel(standardizer, design, PenalisedLeastSquares.solve(rows, train.values(), c, penalty, centre));
    }

    static double[][] rows(Standardizer standardizer, Function<double[], double[]> design, Examples examples) {
        Examples z = standardizer.apply(examples);
        double[][] rows = new double[z.size()][];
        double[] features = new double[z.featureCount()];
        for (int i = 0; i < z.size(); i++) {
            for (int j = 0; j < features.length; j++) {
                features[j] = z.feature(i, j);
            }
            rows[i] = design.apply(features);
        }
        return rows;
    }

    static double[] ones(int n) {
        double[] c = new double[n];
        Arrays.fill(c, 1);
        return c;
    }

    @Override
    public double[] predictValues(Examples examples) {
        double[][] rows = rows(standardizer, design, examples);
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double sum = 0;
            for (int j = 0; j < coefficients.length; j++) {
                sum += rows[i][j] * coefficients[j];
            }
            y[i] = sum;
        }
        return y;
    }

    /** The coefficients in this model's design space (weights of the standardised features, then the intercept). */
    double[] coefficients() {
        return coefficients.clone();
    }

    Standardizer standardizer() {
        return standardizer;
    }

    /**
     * The same function of the raw features expressed as weights and intercept over features standardised
     * by {@code other}: what the prior strategy pulls a target model towards. Only for the default design.
     */
    double[] coefficientsIn(Standardizer other) {
        int d = coefficients.length - 1;
        double[] moved = new double[d + 1];
        double intercept = coefficients[d];
        for (int j = 0; j < d; j++) {
            double raw = coefficients[j] / standardizer.standardDeviation(j);
            intercept -= raw * standardizer.mean(j);
            moved[j] = raw * other.standardDeviation(j);
        }
        for (int j = 0; j < d; j++) {
            intercept += coefficients[j] / standardizer.standardDeviation(j) * other.mean(j);
        }
        moved[d] = intercept;
        return moved;
    }
}
