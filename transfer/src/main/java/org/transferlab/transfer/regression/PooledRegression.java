package org.transferlab.transfer.regression;

import java.util.Arrays;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;

/**
 * Ridge regression on the source and the target budget together, as one data set (ALL in Daumé III,
 * ACL 2007), standardised with the statistics of that pooled training data. With a source weight below 1
 * this is {@link WeightedRegression}.
 *
 * <p>Registered as {@code pooled} among the regression strategies.
 */
public final class PooledRegression extends RegressionStrategy<PooledRegression.Parameters> {
    public static final String NAME = "pooled";

    /** @param l2 ridge penalty on the standardised weights (default 1.0) */
    public record Parameters(@Default("1.0") double l2) {
        public Parameters {
            RegressionFits.requireNonNegative("l2", l2);
        }
    }

    public PooledRegression() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return RegressionFits.fitted(pooled(context, 1.0, p.l2()), context.budget());
    }

    /** Ridge on source ∪ target budget with each source example weighing {@code sourceWeight}. */
    static LinearModel pooled(TransferContext context, double sourceWeight, double l2) {
        Examples source = RegressionFits.source(context);
        Examples target = context.budget().train();
        Examples both = source.concat(target);
        double[] weights = new double[both.size()];
        Arrays.fill(weights, 0, source.size(), sourceWeight);
        Arrays.fill(weights, source.size(), both.size(), 1.0);
        return LinearModel.ridge(Standardizer.fit(both), both, weights, l2);
    }
}
