package org.transferlab.core.data;

/**
 * Per-feature standardisation, z = (x − mean) / sd, with the mean and standard deviation of the data it
 * was fitted on. Strategies fit it on their own training examples only, never on test data, and apply
 * the same statistics to everything they predict. A feature that is constant in the fitting data keeps
 * its scale (sd taken as 1), so it maps to 0 rather than to infinity. Immutable and thread-safe.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Statistics of {@code examples}' features (population standard deviation). */
    public static Standardizer fit(Examples examples) {
        int d = examples.featureCount();
        int n = examples.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot standardise with statistics of no examples");
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += examples.feature(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double centred = examples.feature(i, j) - mean[j];
                scale[j] += centred * centred;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = sd > 1e-12 ? sd : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /**
     * Statistics given as they are, for a model that was fitted earlier and stored (a cached source network):
     * one mean and one positive, finite standard deviation per feature.
     */
    public static Standardizer of(double[] mean, double[] standardDeviation) {
        if (mean.length != standardDeviation.length || mean.length == 0) {
            throw new IllegalArgumentException("need one mean and one standard deviation per feature, got " + mean.length
                    + " means and " + standardDeviation.length + " standard deviations");
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j]) || !(standardDeviation[j] > 0) || Double.isInfinite(standardDeviation[j])) {
                throw new IllegalArgumentException("feature " + j + ": mean " + mean[j] + " and standard deviation "
                        + standardDeviation[j] + " are not a finite mean and a positive, finite standard deviation");
            }
        }
        return new Standardizer(mean.clone(), standardDeviation.clone());
    }

    /** {@code examples} with standardised features and the same targets. */
    public Examples apply(Examples examples) {
        if (examples.featureCount() != mean.length) {
            throw new IllegalArgumentException("fitted on " + mean.length + " features, given " + examples.featureCount());
        }
        float[] x = examples.featureMatrix();
        int d = mean.length;
        for (int i = 0; i < x.length; i++) {
            int j = i % d;
            x[i] = (float) ((x[i] - mean[j]) / scale[j]);
        }
        return examples.hasClasses() ? Examples.classified(x, d, examples.classes()) : Examples.valued(x, d, examples.values());
    }

    /** How many features the statistics describe. */
    public int featureCount() {
        return mean.length;
    }

    public double mean(int feature) {
        return mean[feature];
    }

    public double standardDeviation(int feature) {
        return scale[feature];
    }
}
