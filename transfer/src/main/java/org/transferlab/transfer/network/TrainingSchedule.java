package org.transferlab.transfer.network;

/**
 * How a network is trained on target data: at most {@code maxEpochs} epochs of minibatches of
 * {@code batchSize}, stopped early when the validation loss has not improved for {@code patience}
 * epochs, keeping the weights of the best epoch. Without a validation split, the training loss
 * plays its part, which the cell's report makes visible (validation metrics are NaN).
 */
public record TrainingSchedule(int maxEpochs, int patience, int batchSize) {
    public TrainingSchedule {
        if (maxEpochs < 1 || patience < 1 || batchSize < 1) {
            throw new IllegalArgumentException("max-epochs, patience and batch-size must be positive");
        }
    }
}
