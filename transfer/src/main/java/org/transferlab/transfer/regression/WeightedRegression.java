package org.transferlab.transfer.regression;

import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;

/**
 * Pooled ridge regression with the source examples down-weighted (WEIGHTED in Daumé III, ACL 2007), so
 * that a large source does not drown a small target. Give {@code source-weight} as a list to have the
 * harness choose it on the budget's validation split, as the paper chooses it on development data.
 *
 * <p>Registered as {@code weighted} among the regression strategies.
 */
public final class WeightedRegression extends RegressionStrategy<WeightedRegression.Parameters> {
    public static final String NAME = "weighted";

    /**
     * @param sourceWeight the weight of each source example relative to a target example's 1; 0 (default)
     *                     means balanced: n_target / n_source, so both domains weigh the same in total (not
     *                     applicable without target rows)
     * @param l2           ridge penalty on the standardised weights (default 1.0)
     */
    public record Parameters(@Default("0") double sourceWeight, @Default("1.0") double l2) {
        public Parameters {
            RegressionFits.requireNonNegative("source-weight", sourceWeight);
            RegressionFits.requireNonNegative("l2", l2);
        }
    }

    public WeightedRegression() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        if (p.sourceWeight() == 0 && context.budget().train().size() == 0) {
            // Balanced would weigh every source row 0: a model of nothing, reported as if it were a result.
            throw new NotApplicableException("source-weight 0 means balanced against the target rows, and the budget has "
                    + "none; give a positive source-weight, or use source-only");
        }
        double weight = p.sourceWeight() > 0 ? p.sourceWeight()
                : (double) context.budget().train().size() / RegressionFits.source(context).size();
        return RegressionFits.fitted(PooledRegression.pooled(context, weight, p.l2()), context.budget());
    }
}
