package org.transferlab.transfer.adaptation;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * SHOT's training of an {@link AdaptationModel} without source data: only the feature extractor learns, the
 * classifier (the source's hypothesis) is frozen and passes gradients through. At the start of each epoch the whole
 * unlabelled target sample gets {@link CentroidPseudoLabels}; each step then draws a minibatch of unlabelled target
 * rows and, when there is a budget, one of budget rows, and its objective is L_IM + β · CE(pseudo-labels) on the
 * target rows ({@link InformationMaximisation}), plus CE on the budget rows.
 *
 * <p>An epoch is as many steps as it takes to see the larger of the target sample and the budget once (at least
 * ten). With a budget validation split it stops after {@code patience} epochs without a lower validation loss and
 * keeps the best epoch's weights; without one it runs the schedule's {@code maxEpochs} and keeps the last, since
 * there is nothing else to validate on: no target label outside the budget, and the source data is not read.
 */
final class SourceFreeTrainer {
    private static final int MIN_STEPS_PER_EPOCH = 10;

    /**
     * What one fit trains on, every part already scaled for the network.
     *
     * @param target        the unlabelled target sample
     * @param budget        the budget's train split (empty for none)
     * @param validation    the budget's validation split (empty for none)
     * @param targetClasses how many of the label space's classes are the target's (they come first)
     */
    record Data(Examples target, Examples budget, Examples validation, int targetClasses) {
    }

    private final AdaptationSchedule schedule;
    private final double beta;

    /** @param beta the weight of the pseudo-labels' cross-entropy */
    SourceFreeTrainer(AdaptationSchedule schedule, double beta) {
        this.schedule = schedule;
        this.beta = beta;
    }

    FitSummary train(AdaptationModel model, Data data, long seed, String phase, TrainingLog log) {
        SplittableRandom random = new SplittableRandom(seed);
        AdaptationTrainer.Draw target = new AdaptationTrainer.Draw(data.target(), random.split());
        AdaptationTrainer.Draw budget = new AdaptationTrainer.Draw(data.budget(), random.split());
        int batch = schedule.batchSize();
        int stepsPerEpoch = Math.max(MIN_STEPS_PER_EPOCH, (Math.max(data.target().size(), data.budget().size()) + batch - 1) / batch);
        boolean validates = data.validation().size() > 0;
        BestEpoch best = new BestEpoch();
        int epoch = 0;
        while (epoch < schedule.maxEpochs() && best.patient(schedule.patience())) {
            epoch++;
            AdaptationModel.Outputs outputs = model.outputs(data.target());
            int[] pseudoLabels = CentroidPseudoLabels.of(outputs.features(), SoftmaxCrossEntropy.softmax(outputs.logits(), 1));
            double lossSum = 0;
            for (int s = 0; s < stepsPerEpoch; s++) {
                int[] rows = target.nextRows(batch);
                int[] labels = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    labels[i] = pseudoLabels[rows[i]];
                }
                lossSum += step(model, budget.next(batch), data.target().subset(rows), labels, beta, epoch);
            }
            double trainLoss = lossSum / stepsPerEpoch;
            double trainAccuracy = AdaptationTrainer.accuracy(model.logits(data.budget()), data.budget().classes(),
                    data.targetClasses());
            double validationLoss = Double.NaN;
            double validationAccuracy = Double.NaN;
            if (validates) {
                double[][] logits = model.logits(data.validation());
                validationLoss = SoftmaxCrossEntropy.of(logits, data.validation().classes()).value();
                validationAccuracy = AdaptationTrainer.accuracy(logits, data.validation().classes(), data.targetClasses());
            }
            log.epoch(phase, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy);
            if (!Double.isFinite(trainLoss) || validates && !Double.isFinite(validationLoss)) {
                throw new IllegalStateException(phase + " training diverged: loss " + trainLoss + " at epoch " + epoch);
            }
            best.record(model, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, !validates);
        }
        return best.restore(model);
    }

    /**
     * One update of the feature extractor on budget rows and unlabelled target rows with their pseudo-labels; the
     * classifier's weights stay as they are. Returns the step's objective.
     */
    static double step(AdaptationModel model, Examples budget, Examples target, int[] pseudoLabels, double beta, int epoch) {
        Examples rows = budget.size() == 0 ? target : budget.concat(target);
        INDArray featuresOut = model.features.forward(Batches.features(rows));
        double[][] logits = ExternalErrorNetwork.rows(model.classifier.forward(featuresOut));
        double[][] dLogits = new double[logits.length][logits[0].length];
        int b = budget.size();
        double value = 0;
        if (b > 0) {
            LossGradient ce = SoftmaxCrossEntropy.of(Step.slice(logits, 0, b), budget.classes());
            ce.addInto(dLogits, 0);
            value += ce.value();
        }
        double[][] targetLogits = Step.slice(logits, b, logits.length);
        LossGradient im = InformationMaximisation.of(targetLogits);
        LossGradient pseudo = SoftmaxCrossEntropy.of(targetLogits, pseudoLabels).times(beta);
        im.addInto(dLogits, b);
        pseudo.addInto(dLogits, b);
        INDArray dFeatures = model.classifier.inputGradient(ExternalErrorNetwork.array(dLogits));
        model.features.backward(dFeatures, epoch);
        return value + im.value() + pseudo.value();
    }
}
