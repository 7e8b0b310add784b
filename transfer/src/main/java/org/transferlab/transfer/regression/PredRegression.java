package org.transferlab.transfer.regression;

import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;

/**
 * The source model's prediction as an extra feature (PRED in Daumé III, "Frustratingly Easy Domain
 * Adaptation", ACL 2007): a ridge model is fitted on the source, and the target model is ridge
 * regression on the target budget over (x, ŷ_src(x)).
 *
 * <p>Registered as {@code pred} among the regression strategies.
 */
public final class PredRegression extends RegressionStrategy<PredRegression.Parameters> {
    public static final String NAME = "pred";

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

    public PredRegression() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        Examples train = RegressionFits.requireTargetLabels(context);
        LinearModel source = RegressionFits.sourceModel(context, p.sourceL2());
        Examples extended = withSourcePrediction(source, train);
        LinearModel target = LinearModel.ridge(Standardizer.fit(extended), extended, null, p.l2());
        return RegressionFits.fitted(examples -> target.predictValues(withSourcePrediction(source, examples)), context.budget());
    }

    /** {@code examples} with one more feature: the source model's prediction. */
    static Examples withSourcePrediction(LinearModel source, Examples examples) {
        int d = examples.featureCount();
        double[] predicted = source.predictValues(examples);
        float[] x = new float[examples.size() * (d + 1)];
        for (int i = 0; i < examples.size(); i++) {
            for (int j = 0; j < d; j++) {
                x[i * (d + 1) + j] = examples.feature(i, j);
            }
            x[i * (d + 1) + d] = (float) predicted[i];
        }
        return Examples.valued(x, d + 1, examples.values());
    }
}
