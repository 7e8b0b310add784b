package org.transferlab.transfer;

/**
 * What fitting a network on the target budget found, reported per cell.
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

    /** Training minus validation accuracy at the kept epoch: how much better the model fits what it saw. */
    public double gap() {
        return trainAccuracy - validationAccuracy;
    }
}
