package org.transferlab.transfer.adaptation;

import org.transferlab.transfer.engine.TrainingSchedule;

/**
 * How joint training runs, common to every method of this package: Adam at {@code learningRate} for the feature
 * extractor, classifier and any discriminator; at most {@code maxEpochs} epochs, stopping after {@code patience}
 * epochs without a lower validation loss; minibatches of {@code batchSize} rows from each of source, budget and
 * unlabelled target; a seeded sample of {@code sourceExamples} source examples and as many unlabelled target ones
 * (0: all).
 */
public record AdaptationSchedule(double learningRate, int maxEpochs, int patience, int batchSize, int sourceExamples) {
    public AdaptationSchedule {
        new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        if (sourceExamples < 0) {
            throw new IllegalArgumentException("source-examples must be 0 (all) or positive, got " + sourceExamples);
        }
    }
}
