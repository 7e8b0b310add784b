package org.transferlab.transfer.forecast;

/**
 * A transferability score that measures how far apart the source's and the target's train partitions lie in the
 * source model's representation (proxy A-distance, linear MMD). It reads no labels, so it has a value at a budget of
 * 0; lower means closer domains, and its forecast is that transfer helps when the distance is below a threshold.
 */
public abstract class DomainDistance implements TransferabilityScore {
    /** The distance between the two samples (one row per example); {@code seed} for a distance that draws. */
    protected abstract double distance(double[][] source, double[][] target, long seed);

    /** The threshold below which the distance forecasts that transfer helps, for these samples. */
    protected abstract double threshold(double[][] source, double[][] target);

    /** The rule, in words, for the report. */
    protected abstract String rule();

    /** The fewest examples of each domain the distance needs. */
    protected int leastExamples() {
        return 2;
    }

    @Override
    public final boolean readsLabels() {
        return false;
    }

    @Override
    public final boolean higherIsBetter() {
        return false;
    }

    @Override
    public final Forecast forecast(ForecastInputs inputs) {
        if (Math.min(inputs.source().length, inputs.target().length) < leastExamples()) {
            return Forecast.unavailable("needs at least " + leastExamples() + " source and " + leastExamples()
                    + " target examples");
        }
        double value = distance(inputs.source(), inputs.target(), inputs.seed());
        double threshold = threshold(inputs.source(), inputs.target());
        return new Forecast(value, threshold, value < threshold, rule());
    }
}
