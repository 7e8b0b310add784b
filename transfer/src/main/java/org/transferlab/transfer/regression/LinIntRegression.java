package org.transferlab.transfer.regression;

import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.ValuePredictor;

/**
 * Linear interpolation of a source model and a target model (LININT in Daumé III, ACL 2007):
 * ŷ = α ŷ_src + (1 − α) ŷ_tgt, both ridge models, with α ∈ {0, 0.05, …, 1} chosen to minimise the
 * squared error on the budget's validation split. Without a validation split α is chosen on the
 * training split, which favours the target model (it was fitted there); the fit summary says which.
 *
 * <p>Registered as {@code linint} among the regression strategies.
 */
public final class LinIntRegression extends RegressionStrategy<LinIntRegression.Parameters> {
    public static final String NAME = "linint";
    private static final int STEPS = 20;

    /**
     * @param l2       ridge penalty of the target model (default 1.0)
     * @param sourceL2 ridge penalty of the source model (default 1.0)
     */
    public record Parameters(@Default("1.0") double l2, @Default("1.0") double sourceL2) {
        public Parameters {
            RegressionFits.requireNonNegative("l2", l2);
            RegressionFits.requireNonNegative("source-l2", sourceL2);
        }
    }

    public LinIntRegression() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        LinearModel target = RegressionFits.targetModel(context, p.l2());
        LinearModel source = RegressionFits.sourceModel(context, p.sourceL2());
        Examples selection = context.budget().validation().size() > 0 ? context.budget().validation() : context.budget().train();
        double alpha = bestAlpha(source, target, selection);
        ValuePredictor model = interpolated(source, target, alpha);
        return Fitted.values(model, RegressionFits.summary(model, context.budget()), "linint: alpha = " + alpha
                + " (weight of the source model), chosen on the " + (selection == context.budget().train() ? "training" : "validation")
                + " split");
    }

    static ValuePredictor interpolated(ValuePredictor source, ValuePredictor target, double alpha) {
        return examples -> {
            double[] s = source.predictValues(examples);
            double[] t = target.predictValues(examples);
            double[] y = new double[s.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = alpha * s[i] + (1 - alpha) * t[i];
            }
            return y;
        };
    }

    /** The α of the grid with the lowest squared error on {@code selection}; the smallest α on ties. */
    static double bestAlpha(ValuePredictor source, ValuePredictor target, Examples selection) {
        double[] s = source.predictValues(selection);
        double[] t = target.predictValues(selection);
        double[] y = selection.values();
        double best = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= STEPS; step++) {
            double alpha = (double) step / STEPS;
            double error = 0;
            for (int i = 0; i < y.length; i++) {
                double residual = y[i] - (alpha * s[i] + (1 - alpha) * t[i]);
                error += residual * residual;
            }
            if (error < bestError) {
                bestError = error;
                best = alpha;
            }
        }
        return best;
    }
}
