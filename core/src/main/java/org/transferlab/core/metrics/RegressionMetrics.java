package org.transferlab.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionSufficientStatistics;

/**
 * RMSE, MAE and R² of predicted against true values, computed by Tribuo's regression evaluator
 * statistics so that TransferLab's numbers mean what Tribuo's mean. R² is 1 − SS_res / SS_tot over the
 * test partition (it is negative for a model worse than predicting the test mean).
 */
public final class RegressionMetrics {
    public static final String RMSE = "rmse";
    public static final String MAE = "mae";
    public static final String R2 = "r2";
    private static final String DIMENSION = "target";

    private RegressionMetrics() {
    }

    /** The metrics, by column name, in a fixed order. */
    public static Map<String, Double> score(double[] truth, double[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true values but " + predicted.length + " predictions");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("cannot score an empty test partition");
        }
        Regressor dimension = new Regressor(DIMENSION, 0);
        ImmutableOutputInfo<Regressor> info = new RegressionFactory().constructInfoForExternalModel(Map.of(dimension, 0));
        List<Prediction<Regressor>> predictions = new ArrayList<>(truth.length);
        for (int i = 0; i < truth.length; i++) {
            if (!Double.isFinite(predicted[i])) {
                throw new IllegalArgumentException("prediction " + i + " is " + predicted[i] + "; the model diverged");
            }
            ArrayExample<Regressor> example = new ArrayExample<>(new Regressor(DIMENSION, truth[i]));
            predictions.add(new Prediction<>(new Regressor(DIMENSION, predicted[i]), 0, example));
        }
        RegressionSufficientStatistics statistics = new RegressionSufficientStatistics(info, predictions, false);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(RMSE, org.tribuo.regression.evaluation.RegressionMetrics.rmse(dimension, statistics));
        metrics.put(MAE, org.tribuo.regression.evaluation.RegressionMetrics.mae(dimension, statistics));
        metrics.put(R2, org.tribuo.regression.evaluation.RegressionMetrics.r2(dimension, statistics));
        return metrics;
    }
}
