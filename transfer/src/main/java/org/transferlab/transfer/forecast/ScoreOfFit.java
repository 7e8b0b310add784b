package org.transferlab.transfer.forecast;

/**
 * A transferability score that measures how well a network's view of the label budget fits the target labels (LogME,
 * LEEP, H-score). It reads the budget's labels, so it has no value at a budget of 0, and its forecast compares the
 * source model's view with the reference network's: transfer helps when the source scores higher.
 */
public abstract class ScoreOfFit implements TransferabilityScore {
    /** The score of one network's view of the budget, for targets with {@code classes} classes. */
    protected abstract double score(LabelledFeatures view, int classes);

    /** What is compared, for the report: "source features", or "the source model's outputs". */
    protected abstract String compared();

    @Override
    public final boolean readsLabels() {
        return true;
    }

    @Override
    public final boolean higherIsBetter() {
        return true;
    }

    @Override
    public final Forecast forecast(ForecastInputs inputs) {
        if (!inputs.hasLabels()) {
            return Forecast.unavailable("needs target labels");
        }
        double value = score(inputs.transferred(), inputs.targetClasses());
        double reference = score(inputs.reference(), inputs.targetClasses());
        return new Forecast(value, reference, value > reference, compared() + " above a fresh network's");
    }
}
