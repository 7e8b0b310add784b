package org.transferlab.transfer;

import java.util.Objects;
import org.transferlab.transfer.engine.FitSummary;

/**
 * A strategy's result: the predictor the harness evaluates (class or cluster indices, or real values for
 * regression: exactly one of the two), a summary of how it was fitted, and the provenance of any Tribuo
 * model in it (Tribuo's own record of trainer, parameters and data), which the harness stores with the cell.
 */
public record Fitted(Predictor predictor, ValuePredictor valuePredictor, FitSummary summary, String provenance) {
    public Fitted {
        if ((predictor == null) == (valuePredictor == null)) {
            throw new IllegalArgumentException("a fitted model predicts either classes or values");
        }
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A classifier or clusterer, with the provenance of its Tribuo model. */
    public Fitted(Predictor predictor, FitSummary summary, String provenance) {
        this(Objects.requireNonNull(predictor, "predictor"), null, summary, provenance);
    }

    /** A classifier or clusterer without a Tribuo model. */
    public Fitted(Predictor predictor, FitSummary summary) {
        this(predictor, summary, "");
    }

    /** A regression model. */
    public static Fitted values(ValuePredictor predictor, FitSummary summary, String provenance) {
        return new Fitted(null, Objects.requireNonNull(predictor, "predictor"), summary, provenance);
    }

    /** The predicted classes or clusters of {@code examples}. */
    public int[] predictClasses(org.transferlab.core.data.Examples examples) {
        if (predictor == null) {
            throw new IllegalStateException("this model predicts real values, not classes");
        }
        return predictor.predictClasses(examples);
    }

    /** The predicted values of {@code examples}. */
    public double[] predictValues(org.transferlab.core.data.Examples examples) {
        if (valuePredictor == null) {
            throw new IllegalStateException("this model predicts classes, not real values");
        }
        return valuePredictor.predictValues(examples);
    }
}
