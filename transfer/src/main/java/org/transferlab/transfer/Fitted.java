package org.transferlab.transfer;

import java.util.Objects;
import java.util.Optional;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.engine.FitSummary;

/**
 * A strategy's result: the model the harness evaluates, a summary of how it was fitted, and the provenance of any
 * Tribuo model in it (Tribuo's own record of trainer, parameters and data), which the harness stores with the cell.
 * It is one of two kinds, so a model is never both or neither: {@link Classes} (class or cluster indices, for
 * classification and clustering) or {@link Values} (real values, for regression). Build them with
 * {@link #classes} and {@link #values}.
 */
public sealed interface Fitted permits Fitted.Classes, Fitted.Values {
    /** How the model was fitted (epochs, losses, validation scores). */
    FitSummary summary();

    /** The provenance of the Tribuo model in it, or what the strategy records about its fit; may be empty. */
    String provenance();

    /** The predicted classes or clusters of {@code examples}; a {@link Values} model refuses. */
    int[] predictClasses(Examples examples);

    /**
     * The class probabilities of {@code examples} (one row each, over the target's classes) where the model gives them
     * ({@link ClassProbabilities}); empty for a model without them, and for a {@link Values} model.
     */
    Optional<double[][]> probabilities(Examples examples);

    /** The predicted values of {@code examples}; a {@link Classes} model refuses. */
    double[] predictValues(Examples examples);

    /** The same model and summary with {@code provenance} instead of this one's. */
    Fitted withProvenance(String provenance);

    /** A classifier or clusterer, with the provenance of its Tribuo model. */
    static Classes classes(Predictor predictor, FitSummary summary, String provenance) {
        return new Classes(predictor, summary, provenance);
    }

    /** A classifier or clusterer without a Tribuo model. */
    static Classes classes(Predictor predictor, FitSummary summary) {
        return new Classes(predictor, summary, "");
    }

    /** A regression model. */
    static Values values(ValuePredictor predictor, FitSummary summary, String provenance) {
        return new Values(predictor, summary, provenance);
    }

    /** A model that predicts class or cluster indices. */
    record Classes(Predictor predictor, FitSummary summary, String provenance) implements Fitted {
        public Classes {
            Objects.requireNonNull(predictor, "predictor");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(provenance, "provenance");
        }

        @Override
        public int[] predictClasses(Examples examples) {
            return predictor.predictClasses(examples);
        }

        @Override
        public Optional<double[][]> probabilities(Examples examples) {
            return predictor instanceof ClassProbabilities p ? Optional.of(p.probabilities(examples)) : Optional.empty();
        }

        @Override
        public double[] predictValues(Examples examples) {
            throw new IllegalStateException("this model predicts classes, not real values");
        }

        @Override
        public Classes withProvenance(String provenance) {
            return new Classes(predictor, summary, provenance);
        }
    }

    /** A model that predicts real values. */
    record Values(ValuePredictor predictor, FitSummary summary, String provenance) implements Fitted {
        public Values {
            Objects.requireNonNull(predictor, "predictor");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(provenance, "provenance");
        }

        @Override
        public int[] predictClasses(Examples examples) {
            throw new IllegalStateException("this model predicts real values, not classes");
        }

        @Override
        public Optional<double[][]> probabilities(Examples examples) {
            return Optional.empty();
        }

        @Override
        public double[] predictValues(Examples examples) {
            return predictor.predictValues(examples);
        }

        @Override
        public Values withProvenance(String provenance) {
            return new Values(predictor, summary, provenance);
        }
    }
}
