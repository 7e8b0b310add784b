package org.transferlab.transfer.forecast;

/**
 * LEEP, the log expected empirical prediction (Nguyen, Hassner, Seeger and Archambeau, "LEEP: A New Measure to
 * Evaluate Transferability of Learned Representations", ICML 2020). With θ(x) the source model's probabilities over
 * its own classes z, the empirical joint of target label and source class over the budget is
 * {@code P(y, z) = 1/n Σᵢ θ(xᵢ)_z [yᵢ = y]}, the conditional {@code P(y | z) = P(y, z) / Σ_y P(y, z)}, and
 * <pre>
 *   LEEP = 1/n Σᵢ log Σ_z P(yᵢ | z) θ(xᵢ)_z,
 * </pre>
 * the average log-likelihood of the "expected empirical predictor" that reads the target label off the source
 * classes. At most 0; higher means the source model's outputs tell the target classes apart. No parameters.
 *
 * <p>Forecast: transfer helps when LEEP through the source model is higher than through the reference network (the
 * same architecture freshly initialised). Registered as {@code leep}.
 */
public final class Leep extends ScoreOfFit {
    public static final String NAME = "leep";

    @Override
    public String description() {
        return "LEEP: log-likelihood of the target labels read off the source model's classes (Nguyen et al., ICML 2020)";
    }

    @Override
    protected double score(LabelledFeatures view, int classes) {
        return score(view.probabilities(), view.labels(), classes);
    }

    @Override
    protected String compared() {
        return "the source model's LEEP";
    }

    /** LEEP of source-model probabilities (one row per example) for target labels {@code 0 .. targetClasses - 1}. */
    public static double score(double[][] probabilities, int[] labels, int targetClasses) {
        int n = labels.length;
        if (n == 0) {
            throw new IllegalArgumentException("LEEP needs at least one labelled example");
        }
        int sourceClasses = probabilities[0].length;
        double[][] joint = new double[targetClasses][sourceClasses];
        double[] marginal = new double[sourceClasses];
        for (int i = 0; i < n; i++) {
            for (int z = 0; z < sourceClasses; z++) {
                joint[labels[i]][z] += probabilities[i][z] / n;
                marginal[z] += probabilities[i][z] / n;
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double likelihood = 0;
            for (int z = 0; z < sourceClasses; z++) {
                if (marginal[z] > 0) {
                    likelihood += joint[labels[i]][z] / marginal[z] * probabilities[i][z];
                }
            }
            sum += Math.log(likelihood);
        }
        return sum / n;
    }
}
