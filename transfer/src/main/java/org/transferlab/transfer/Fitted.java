package org.transferlab.transfer;

import java.util.Objects;

/**
 * A strategy's result: the predictor the harness evaluates, a summary of how it was fitted, and the
 * provenance of any Tribuo model in it (Tribuo's own record of trainer, parameters and data), which
 * the harness stores with the cell.
 */
public record Fitted(Predictor predictor, FitSummary summary, String provenance) {
    public Fitted {
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A result without a Tribuo model. */
    public Fitted(Predictor predictor, FitSummary summary) {
        this(predictor, summary, "");
    }
}
