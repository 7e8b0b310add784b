package org.transferlab.transfer.engine;

/**
 * What fitting a model on the target budget found, reported per cell. The "accuracy" components hold
 * the task's validation score, higher is better: accuracy for classification, R² for regression (NaN
 * for clustering, which has no labels to validate against). Candidate selection maximises it.
 *
 * @param bestEpoch          the epoch whose weights were kept (1-based); 0 when nothing was trained
 * @param epochsRun          how many epochs ran before early stopping
 * @param trainLoss          training loss of the kept epoch
 * @param trainAccuracy      training accuracy of the kept epoch
 * @param validationLoss     validation loss of the kept epoch (NaN without validation data)
 * @param validationAccuracy validation accuracy of the kept epoch (NaN without validation data)
 */
public record FitSummary(int bestEpoch, int epochsRun, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy) {
    public static final FitSummary NONE = new FitSummary(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** A fit without epochs (closed form, one pass): its training and validation loss and score. */
    public static FitSummary oneShot(double trainLoss, double trainScore, double validationLoss, double validationScore) {
        return new FitSummary(0, 0, trainLoss, trainScore, validationLoss, validationScore);
    }
}
