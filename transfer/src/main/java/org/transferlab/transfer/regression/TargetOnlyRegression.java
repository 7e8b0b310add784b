package org.transferlab.transfer.regression;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;

/**
 * The no-transfer baseline for regression: ridge regression on the target budget alone, features
 * standardised with the budget's own statistics (TGTONLY in Daumé III, "Frustratingly Easy Domain
 * Adaptation", ACL 2007). Every regression result is reported against this one.
 *
 * <p>Registered as {@code target-only} among the regression strategies.
 */
public final class TargetOnlyRegression extends RegressionStrategy<TargetOnlyRegression.Parameters> {
    public static final String NAME = "target-only";

    /** @param l2 ridge penalty λ on the standardised weights, not on the intercept (default 1.0; 0 is least squares) */
    public record Parameters(@Default("1.0") double l2) {
        public Parameters {
            RegressionFits.requireNonNegative("l2", l2);
        }
    }

    public TargetOnlyRegression() {
        super(Parameters.class);
    }

    /** The no-transfer baseline itself. */
    @Override
    public java.util.Optional<Parameters> withoutTransfer(Parameters parameters) {
        return java.util.Optional.of(parameters);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return RegressionFits.fitted(RegressionFits.targetModel(context, p.l2()), context.budget());
    }
}
