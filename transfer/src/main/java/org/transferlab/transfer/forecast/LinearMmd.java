package org.transferlab.transfer.forecast;

/**
 * The linear-kernel maximum mean discrepancy between the source's and the target's train partitions in the source
 * model's representation (Gretton, Borgwardt, Rasch, Schölkopf and Smola, "A Kernel Two-Sample Test", JMLR 2012, with
 * the linear kernel): {@code MMD² = ‖μ_s − μ_t‖²}, the squared distance between the domains' mean features. Reads no
 * labels, so it has a value at a budget of 0. Lower means closer domains. No parameters.
 *
 * <p>Forecast: transfer helps when the means are closer than the features spread, {@code MMD² < (tr Σ_s + tr Σ_t)/2}
 * (Σ the domains' feature covariances): the shift is then smaller than the variation within a domain. Registered as
 * {@code linear-mmd}.
 */
public final class LinearMmd extends DomainDistance {
    public static final String NAME = "linear-mmd";

    @Override
    public String description() {
        return "linear-kernel MMD²: squared distance of the domains' mean source features (Gretton et al., JMLR 2012)";
    }

    @Override
    protected double distance(double[][] source, double[][] target, long seed) {
        return squared(source, target);
    }

    @Override
    protected double threshold(double[][] source, double[][] target) {
        return (totalVariance(source) + totalVariance(target)) / 2;
    }

    @Override
    protected String rule() {
        return "MMD² below the domains' mean total variance";
    }

    /** {@code ‖mean(a) − mean(b)‖²} of two samples with one row per example. */
    public static double squared(double[][] a, double[][] b) {
        double[] ma = mean(a);
        double[] mb = mean(b);
        double sum = 0;
        for (int j = 0; j < ma.length; j++) {
            sum += (ma[j] - mb[j]) * (ma[j] - mb[j]);
        }
        return sum;
    }

    /** The trace of a sample's covariance (with n − 1): the summed variance of its features. */
    public static double totalVariance(double[][] rows) {
        double[] m = mean(rows);
        double sum = 0;
        for (double[] row : rows) {
            for (int j = 0; j < m.length; j++) {
                sum += (row[j] - m[j]) * (row[j] - m[j]);
            }
        }
        return sum / (rows.length - 1);
    }

    private static double[] mean(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("the MMD needs at least one example of each domain");
        }
        double[] m = new double[rows[0].length];
        for (double[] row : rows) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j] / rows.length;
            }
        }
        return m;
    }
}
