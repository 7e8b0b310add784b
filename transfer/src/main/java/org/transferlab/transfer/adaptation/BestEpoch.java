package org.transferlab.transfer.adaptation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.transfer.engine.FitSummary;

/**
 * Early stopping's bookkeeping for the adaptation trainers: the kept epoch's weights and summary, and how many epochs
 * have passed without a lower validation loss. Not thread-safe; one per fit.
 */
final class BestEpoch {
    private double bestLoss = Double.POSITIVE_INFINITY;
    private INDArray[] weights;
    private FitSummary kept = FitSummary.NONE;
    private int sinceBest;
    private int epochs;

    /**
     * Records an epoch's scores, keeping {@code model}'s weights when its validation loss is the lowest so far, or
     * always with {@code keepEvery} (a fit without validation keeps its last epoch).
     */
    void record(AdaptationModel model, int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                double validationAccuracy, boolean keepEvery) {
        epochs = epoch;
        if (keepEvery || validationLoss < bestLoss) {
            bestLoss = validationLoss;
            weights = model.snapshot();
            kept = new FitSummary(epoch, 0, trainLoss, trainAccuracy, validationLoss, validationAccuracy);
            sinceBest = 0;
        } else {
            sinceBest++;
        }
    }

    /** Whether training goes on: fewer than {@code patience} epochs since the kept one. */
    boolean patient(int patience) {
        return sinceBest < patience;
    }

    /** Puts the kept epoch's weights back into {@code model}; the summary of the kept epoch and of the epochs run. */
    FitSummary restore(AdaptationModel model) {
        model.restore(weights);
        return new FitSummary(kept.bestEpoch(), epochs, kept.trainLoss(), kept.trainAccuracy(), kept.validationLoss(),
                kept.validationAccuracy());
    }
}
