package org.transferlab.transfer.regression;

import java.util.Arrays;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * The model of the instance-weighting regression strategies: ridge regression on weighted source examples and
 * the target budget at weight 1, standardised by the statistics of both together, summarised on the budget. The
 * strategies differ only in how they weight the source ({@link ImportanceWeightedRegression}'s domain classifier,
 * the density ratios of {@code org.transferlab.transfer.weighting}).
 */
public final class WeightedSourceRidge {
    private WeightedSourceRidge() {
    }

    /** The source domain's labelled train partition, which must have real-valued targets. */
    public static Examples source(TransferContext context) {
        return RegressionFits.source(context);
    }

    /**
     * Fits ridge regression with penalty {@code l2} on {@code source} (weights {@code weights}, one per row) followed
     * by the budget's train split (weight 1); {@code provenance} says how the weights were made.
     */
    public static Fitted fit(TransferContext context, Examples source, double[] weights, double l2, String provenance) {
        if (weights.length != source.size()) {
            throw new IllegalArgumentException("one weight per source example: " + source.size() + " examples, "
                    + weights.length + " weights");
        }
        RegressionFits.requireNonNegative("l2", l2);
        Examples target = context.budget().train();
        Examples both = source.concat(target);
        double[] all = Arrays.copyOf(weights, both.size());
        Arrays.fill(all, source.size(), both.size(), 1.0);
        LinearModel model = LinearModel.ridge(Standardizer.fit(both), both, all, l2);
        return Fitted.values(model, RegressionFits.summary(model, context.budget()), provenance);
    }
}
