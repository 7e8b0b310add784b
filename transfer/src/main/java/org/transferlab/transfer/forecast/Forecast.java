package org.transferlab.transfer.forecast;

/**
 * A transferability score's value for one source and target, and the forecast it implies.
 *
 * @param value     the score (NaN when it could not be computed: a score of fit with no labels)
 * @param reference what the value is compared with: the same score of the reference network, or a fixed threshold
 * @param helps     whether the score forecasts that transfer from this source helps this target
 * @param rule      the comparison, in words, for the report
 */
public record Forecast(double value, double reference, boolean helps, String rule) {
    /** No forecast: the score needs what these inputs lack. */
    public static Forecast unavailable(String why) {
        return new Forecast(Double.NaN, Double.NaN, false, why);
    }

    /** Whether the score could be computed. */
    public boolean available() {
        return !Double.isNaN(value);
    }
}
