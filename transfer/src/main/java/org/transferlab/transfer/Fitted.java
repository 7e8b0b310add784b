package org.transferlab.transfer;

import java.util.Objects;

/**
 * A strategy's result: the predictor the harness evaluates and a summary of how it was fitted.
 */
public record Fitted(Predictor predictor, FitSummary summary) {
    public Fitted {
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(summary, "summary");
    }
}
