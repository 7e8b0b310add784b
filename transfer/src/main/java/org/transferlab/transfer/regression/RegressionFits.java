package org.transferlab.transfer.regression;

import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.ValuePredictor;
import org.transferlab.transfer.engine.FitSummary;

/**
 * What the regression strategies share: how a fit is summarised, and the source domain's ridge model. The summary,
 * the source's rows and the check for target labels are public for the regression strategies of other families
 * ({@code org.transferlab.transfer.boosting}).
 */
public final class RegressionFits {
    private RegressionFits() {
    }

    /** The model with its mean squared error and R² on the budget's train and validation examples. */
    static Fitted fitted(ValuePredictor model, LabelledSplit budget) {
        return Fitted.values(model, summary(model, budget), "");
    }

    /** {MSE, R²} of {@code model} on the budget's train and validation examples, as a one-shot fit's summary. */
    public static FitSummary summary(ValuePredictor model, LabelledSplit budget) {
        double[] train = errors(model, budget.train());
        double[] validation = errors(model, budget.validation());
        return FitSummary.oneShot(train[0], train[1], validation[0], validation[1]);
    }

    /** {MSE, R²} of {@code model} on {@code examples}; NaN for no examples, R² NaN when the values do not vary. */
    static double[] errors(ValuePredictor model, Examples examples) {
        if (examples.size() == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] truth = examples.values();
        double[] predicted = model.predictValues(examples);
        double mean = java.util.Arrays.stream(truth).average().orElseThrow();
        double residual = 0;
        double total = 0;
        for (int i = 0; i < truth.length; i++) {
            residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            total += (truth[i] - mean) * (truth[i] - mean);
        }
        return new double[] {residual / truth.length, total > 0 ? 1 - residual / total : Double.NaN};
    }

    /** The source domain's labelled train partition, which must have real-valued targets. */
    public static Examples source(TransferContext context) {
        Examples source = context.sourceData().train();
        if (source.size() == 0 || source.hasClasses()) {
            throw new IllegalStateException("this strategy needs the source domain's real-valued training data");
        }
        return source;
    }

    /** Ridge regression on the source domain alone, standardised by the source's statistics. */
    static LinearModel sourceModel(TransferContext context, double l2) {
        Examples source = source(context);
        return LinearModel.ridge(Standardizer.fit(source), source, null, l2);
    }

    /** A target-only ridge model, standardised by the budget's training statistics. */
    static LinearModel targetModel(TransferContext context, double l2) {
        Examples train = requireTargetLabels(context);
        return LinearModel.ridge(Standardizer.fit(train), train, null, l2);
    }

    /** The budget's training examples; a budget without any makes the strategy not applicable. */
    public static Examples requireTargetLabels(TransferContext context) {
        Examples train = context.budget().train();
        if (train.size() == 0) {
            throw new org.transferlab.transfer.NotApplicableException("it needs target labels, and the budget has none");
        }
        return train;
    }

    static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + value);
        }
    }
}
