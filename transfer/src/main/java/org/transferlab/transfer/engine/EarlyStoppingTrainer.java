package org.transferlab.transfer.engine;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.transferlab.core.data.Examples;

/**
 * Trains a DL4J classifier epoch by epoch on a label budget's train split (an epoch being at least
 * {@value #MIN_STEPS_PER_EPOCH} updates), scores the validation split after each epoch, stops after {@code patience} epochs without a lower validation loss and restores
 * the best epoch's weights. Every epoch is reported to the {@link TrainingLog}.
 */
public final class EarlyStoppingTrainer {
    /**
     * An epoch is one pass over the train split, repeated until it has made at least this many
     * updates: with a budget of 20 labels and batches of 32, a pass is a single update, and checking
     * the validation loss after every update stops on noise before the model has learnt anything.
     */
    static final int MIN_STEPS_PER_EPOCH = 10;
    private final TrainingSchedule schedule;

    public EarlyStoppingTrainer(TrainingSchedule schedule) {
        this.schedule = schedule;
    }

    public FitSummary train(MultiLayerNetwork network, Examples train, Examples validation, int classes,
                            long shuffleSeed, String phase, TrainingLog log) {
        SplittableRandom random = new SplittableRandom(shuffleSeed);
        boolean validated = validation.size() > 0;
        DataSet validationSet = validated ? Batches.dataSet(validation, classes) : null;
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray bestParams = null;
        FitSummary best = FitSummary.NONE;
        int sinceBest = 0;
        int epoch = 0;
        while (epoch < schedule.maxEpochs() && sinceBest < schedule.patience()) {
            epoch++;
            double lossSum = 0;
            int batches = 0;
            while (batches < MIN_STEPS_PER_EPOCH) {
                for (DataSet batch : Batches.shuffled(train, classes, schedule.batchSize(), random)) {
                    network.fit(batch);
                    lossSum += network.score();
                    batches++;
                }
            }
            double trainLoss = lossSum / batches;
            double validationLoss = validated ? network.score(validationSet, false) : Double.NaN;
            double validationAccuracy = validated ? NetworkEvaluation.accuracy(network, validation) : Double.NaN;
            double trainAccuracy = NetworkEvaluation.accuracy(network, train);
            log.epoch(phase, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy);
            double criterion = validated ? validationLoss : trainLoss;
            if (!Double.isFinite(criterion)) {
                throw new IllegalStateException(phase + " training diverged: loss " + criterion + " at epoch " + epoch);
            }
            if (criterion < bestLoss) {
                bestLoss = criterion;
                bestParams = network.params().dup();
                best = new FitSummary(epoch, 0, trainLoss, trainAccuracy, validationLoss, validationAccuracy);
                sinceBest = 0;
            } else {
                sinceBest++;
            }
        }
        if (bestParams != null) {
            network.setParams(bestParams);
        }
        return new FitSummary(best.bestEpoch(), epoch, best.trainLoss(), best.trainAccuracy(), best.validationLoss(),
                best.validationAccuracy());
    }
}
