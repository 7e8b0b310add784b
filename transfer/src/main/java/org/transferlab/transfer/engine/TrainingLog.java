package org.transferlab.transfer.engine;

/**
 * Receives per-epoch learning curves from a strategy; the harness writes them to the run directory.
 * Losses and metrics are NaN where a phase has no such value (no validation split, for example).
 */
@FunctionalInterface
public interface TrainingLog {
    TrainingLog NONE = (phase, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy) -> { };

    /**
     * @param phase              which training this epoch belongs to ("target", "head", ...)
     * @param epoch              1-based epoch number
     * @param trainLoss          mean training loss over the epoch
     * @param trainAccuracy      accuracy on the training split after the epoch
     * @param validationLoss     loss on the budget's validation split after the epoch
     * @param validationAccuracy accuracy on the budget's validation split after the epoch
     */
    void epoch(String phase, int epoch, double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy);
}
