package org.transferlab.transfer.regression;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;

/**
 * Ridge regression on the source domain only, applied to the target as it is (SRCONLY in Daumé III,
 * ACL 2007). It ignores the target budget, so its score shows how far apart the domains are.
 *
 * <p>Registered as {@code source-only} among the regression strategies.
 */
public final class SourceOnlyRegression extends RegressionStrategy<SourceOnlyRegression.Parameters> {
    public static final String NAME = "source-only";

    /** @param l2 ridge penalty on the standardised weights (default 1.0) */
    public record Parameters(@Default("1.0") double l2) {
        public Parameters {
            RegressionFits.requireNonNegative("l2", l2);
        }
    }

    public SourceOnlyRegression() {
        super(Parameters.class);
    }

    /** Ridge on the source alone: no target label is read. */
    @Override
    public boolean usesTargetLabels() {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return RegressionFits.fitted(RegressionFits.sourceModel(context, p.l2()), context.budget());
    }
}
