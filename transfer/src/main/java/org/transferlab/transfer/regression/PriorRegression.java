package org.transferlab.transfer.regression;

import java.util.Arrays;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;

/**
 * Linear regression regularised toward the source model (Chelba &amp; Acero, "Adaptation of Maximum
 * Entropy Capitalizer: Little Data Can Help a Lot", EMNLP 2004; PRIOR in Daumé III, ACL 2007): minimise
 * ‖Xw − y‖² + λ‖w − w_src‖² over the target budget, intercept included, where w_src is a ridge model
 * fitted on the source. Both models are expressed over features standardised with the target budget's
 * statistics, so λ = 0 is least squares on the target alone and a huge λ returns the source model.
 *
 * <p>Registered as {@code prior} among the regression strategies.
 */
public final class PriorRegression extends RegressionStrategy<PriorRegression.Parameters> {
    public static final String NAME = "prior";

    /**
     * @param lambda   strength λ of the pull toward the source weights (default 10)
     * @param sourceL2 ridge penalty of the source model (default 1.0)
     */
    public record Parameters(@Default("10") double lambda, @Default("1.0") double sourceL2) {
        public Parameters {
            RegressionFits.requireNonNegative("lambda", lambda);
            RegressionFits.requireNonNegative("source-l2", sourceL2);
        }
    }

    public PriorRegression() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        Examples train = RegressionFits.requireTargetLabels(context);
        Standardizer standardizer = Standardizer.fit(train);
        double[] prior = RegressionFits.sourceModel(context, p.sourceL2()).coefficientsIn(standardizer);
        double[] penalty = new double[prior.length];
        Arrays.fill(penalty, p.lambda());
        LinearModel model = LinearModel.fit(standardizer, LinearModel::withIntercept, train, null, penalty, prior);
        return RegressionFits.fitted(model, context.budget());
    }
}
