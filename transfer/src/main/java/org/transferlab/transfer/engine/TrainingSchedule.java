package org.transferlab.transfer.engine;

/**
 * How a network is trained on target data: Adam at {@code learningRate}, at most {@code maxEpochs}
 * epochs of minibatches of {@code batchSize} (an epoch being at least ten updates, see
 * {@link EarlyStoppingTrainer}), stopped early when the validation loss has not improved for
 * {@code patience} epochs, keeping the weights of the best epoch. Without a validation split, the
 * training loss plays its part, which the cell's results make visible (validation metrics are NaN).
 */
public record TrainingSchedule(double learningRate, int maxEpochs, int patience, int batchSize) {
    public TrainingSchedule {
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning-rate must be in (0, 1), got " + learningRate);
        }
        if (maxEpochs < 1 || patience < 1 || batchSize < 1) {
            throw new IllegalArgumentException("max-epochs, patience and batch-size must be positive");
        }
    }
}
