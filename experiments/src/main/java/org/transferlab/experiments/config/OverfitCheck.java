package org.transferlab.experiments.config;

import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.engine.FitSummary;

/**
 * Whether a fitted model overfits its label budget, judged at the kept epoch in the task's own terms:
 * <ul>
 *   <li>classification: the gap is training accuracy minus validation accuracy, overfit above
 *       {@code overfit-gap};</li>
 *   <li>regression: the gap is validation RMSE over training RMSE (a ratio: 1 means no gap), overfit above
 *       {@code overfit-ratio}; a difference of R² on a handful of rows says nothing;</li>
 *   <li>clustering: no labels, so nothing to judge.</li>
 * </ul>
 * The verdict is "n/a", with no gap, when the model was not trained in epochs (closed-form ridge, a source
 * model applied as it is: early stopping did not choose anything that could overfit) or when the validation
 * split has fewer than {@code overfit-min-validation} examples, too few for the gap to be more than noise.
 *
 * @param accuracyGap   classification threshold on train − validation accuracy, in [0, 1]
 * @param rmseRatio     regression threshold on validation RMSE / training RMSE, at least 1
 * @param minValidation the fewest validation examples a gap is judged on, at least 1
 */
public record OverfitCheck(double accuracyGap, double rmseRatio, int minValidation) {
    /** What the check found for one cell: the gap in the task's terms (NaN when not judged) and the flag. */
    public record Judgement(double gap, String flag) {
        public static final Judgement NOT_JUDGED = new Judgement(Double.NaN, "n/a");
    }

    public OverfitCheck {
        if (!(accuracyGap >= 0 && accuracyGap <= 1)) {
            throw new IllegalArgumentException("overfit-gap must be in [0, 1], got " + accuracyGap);
        }
        if (!(rmseRatio >= 1) || Double.isInfinite(rmseRatio)) {
            throw new IllegalArgumentException("overfit-ratio must be a finite number ≥ 1, got " + rmseRatio);
        }
        if (minValidation < 1) {
            throw new IllegalArgumentException("overfit-min-validation must be at least 1, got " + minValidation);
        }
    }

    /** The {@code results.csv} column that holds a task's gap. */
    public static String column(TaskType task) {
        return task == TaskType.REGRESSION ? "rmse_ratio" : "gap";
    }

    public Judgement judge(TaskType task, FitSummary fit, int validationSize) {
        if (task == TaskType.CLUSTERING || fit.bestEpoch() == 0 || validationSize < minValidation) {
            return Judgement.NOT_JUDGED;
        }
        double gap = task == TaskType.REGRESSION
                ? Math.sqrt(fit.validationLoss()) / Math.sqrt(fit.trainLoss())
                : fit.trainAccuracy() - fit.validationAccuracy();
        if (Double.isNaN(gap)) {
            return Judgement.NOT_JUDGED;
        }
        double threshold = task == TaskType.REGRESSION ? rmseRatio : accuracyGap;
        return new Judgement(gap, Boolean.toString(gap > threshold));
    }
}
