package org.transferlab.transfer.adaptation;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * Joint training of an {@link AdaptationModel} on labelled source examples, the target's label budget and the
 * target's unlabelled train partition. Each step draws a minibatch from each (those the method reads), and its
 * objective is the mean cross-entropy of the source rows, plus that of the budget rows when there is a budget (so a
 * small budget weighs as much as the large source), plus the method's {@link AdaptationLoss}. Gradients flow from
 * the logits through the classifier and, with the method's feature gradients, through the feature extractor.
 *
 * <p>An epoch is as many steps as it takes to see the larger labelled set once (at least ten). After each epoch
 * the validation loss is scored: the budget's validation split where there is one, else a held-out share of the
 * source sample (training-domain validation, as in DomainBed; no target label is read). Training stops after
 * {@code patience} epochs without a lower validation loss and keeps the best epoch's weights.
 */
final class AdaptationTrainer {
    private static final int MIN_STEPS_PER_EPOCH = 10;
    private static final int ACCURACY_ROWS = 512;

    /**
     * What one fit trains and validates on, every part already scaled for the network.
     *
     * @param source     source examples with classes in the label space (empty for a fine-tuning regulariser)
     * @param budget     the budget's train split, classes among the target's
     * @param validation the rows validated on: the budget's validation split, or held-out source examples
     * @param target     unlabelled target examples (empty when the method reads none)
     * @param targetClasses how many of the label space's classes are the target's (they come first)
     * @param validatesOnTarget whether the validation rows are target examples (scored among the target's classes)
     *                   rather than held-out source examples (scored among all classes)
     */
    record Data(Examples source, Examples budget, Examples validation, Examples target, int targetClasses,
                boolean validatesOnTarget) {
    }

    private final AdaptationSchedule schedule;

    AdaptationTrainer(AdaptationSchedule schedule) {
        this.schedule = schedule;
    }

    FitSummary train(AdaptationModel model, Data data, AdaptationLoss loss, long seed, String phase, TrainingLog log) {
        SplittableRandom random = new SplittableRandom(seed);
        Draw source = new Draw(data.source(), random.split());
        Draw budget = new Draw(data.budget(), random.split());
        Draw target = new Draw(data.target(), random.split());
        int batch = schedule.batchSize();
        int stepsPerEpoch = Math.max(MIN_STEPS_PER_EPOCH, (Math.max(data.source().size(), data.budget().size()) + batch - 1) / batch);
        double totalSteps = (double) stepsPerEpoch * schedule.maxEpochs();
        BestEpoch best = new BestEpoch();
        int epoch = 0;
        int steps = 0;
        while (epoch < schedule.maxEpochs() && best.patient(schedule.patience())) {
            epoch++;
            double lossSum = 0;
            for (int s = 0; s < stepsPerEpoch; s++) {
                lossSum += step(model, source.next(batch), budget.next(batch), target.next(batch), loss,
                        steps++ / totalSteps, epoch);
            }
            double trainLoss = lossSum / stepsPerEpoch;
            int width = data.validatesOnTarget() ? data.targetClasses() : model.classCount();
            Examples trainRows = data.validatesOnTarget() ? data.budget() : data.source();
            double trainAccuracy = accuracy(model.logits(trainRows.size() <= ACCURACY_ROWS ? trainRows
                    : trainRows.subset(java.util.stream.IntStream.range(0, ACCURACY_ROWS).toArray())),
                    java.util.Arrays.copyOf(trainRows.classes(), Math.min(trainRows.size(), ACCURACY_ROWS)), width);
            double[][] validationLogits = model.logits(data.validation());
            double validationLoss = SoftmaxCrossEntropy.of(validationLogits, data.validation().classes()).value();
            double validationAccuracy = accuracy(validationLogits, data.validation().classes(), width);
            log.epoch(phase, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy);
            if (!Double.isFinite(validationLoss) || !Double.isFinite(trainLoss)) {
                throw new IllegalStateException(phase + " training diverged: loss " + trainLoss + " at epoch " + epoch);
            }
            best.record(model, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, false);
        }
        return best.restore(model);
    }

    /** One update of the whole model on these rows; returns the step's objective. */
    static double step(AdaptationModel model, Examples source, Examples budget, Examples target, AdaptationLoss loss,
                       double progress, int epoch) {
        Examples labelled = source.concat(budget);
        Examples rows = target.size() == 0 ? labelled : labelled.concat(target);
        INDArray featuresOut = model.features.forward(Batches.features(rows));
        INDArray logitsOut = model.classifier.forward(featuresOut);
        double[][] features = ExternalErrorNetwork.rows(featuresOut);
        double[][] logits = ExternalErrorNetwork.rows(logitsOut);
        double[][] dLogits = new double[logits.length][logits[0].length];
        double value = 0;
        int[] classes = labelled.classes();
        if (source.size() > 0) {
            LossGradient ce = SoftmaxCrossEntropy.of(Step.slice(logits, 0, source.size()),
                    java.util.Arrays.copyOfRange(classes, 0, source.size()));
            ce.addInto(dLogits, 0);
            value += ce.value();
        }
        if (budget.size() > 0) {
            LossGradient ce = SoftmaxCrossEntropy.of(Step.slice(logits, source.size(), labelled.size()),
                    java.util.Arrays.copyOfRange(classes, source.size(), labelled.size()));
            ce.addInto(dLogits, source.size());
            value += ce.value();
        }
        double[][] dFeatures = new double[features.length][features[0].length];
        value += loss.addGradients(new Step(features, logits, source.size(), budget.size(), progress, epoch, rows), dFeatures, dLogits);
        INDArray fromClassifier = model.classifier.backward(ExternalErrorNetwork.array(dLogits), epoch);
        model.features.backward(fromClassifier.addi(ExternalErrorNetwork.array(dFeatures)), epoch);
        return value;
    }

    /** The accuracy of the arg-max among the first {@code width} logits. */
    static double accuracy(double[][] logits, int[] classes, int width) {
        if (classes.length == 0) {
            return Double.NaN;
        }
        int[] predicted = AdaptationModel.argMax(logits, width);
        int correct = 0;
        for (int i = 0; i < classes.length; i++) {
            correct += predicted[i] == classes[i] ? 1 : 0;
        }
        return (double) correct / classes.length;
    }

    /** Minibatches drawn without replacement from a shuffled order, reshuffled when it runs out. */
    static final class Draw {
        private final Examples examples;
        private final SplittableRandom random;
        private int[] order = new int[0];
        private int next;

        Draw(Examples examples, SplittableRandom random) {
            this.examples = examples;
            this.random = random;
        }

        Examples next(int size) {
            return examples.subset(nextRows(size));
        }

        /** The indices of the next minibatch's rows: {@code size} of them, or all rows when there are fewer. */
        int[] nextRows(int size) {
            int count = Math.min(size, examples.size());
            int[] rows = new int[count];
            for (int i = 0; i < count; i++) {
                if (next == order.length) {
                    order = shuffled(examples.size());
                    next = 0;
                }
                rows[i] = order[next++];
            }
            return rows;
        }

        private int[] shuffled(int n) {
            int[] o = java.util.stream.IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = o[i];
                o[i] = o[j];
                o[j] = t;
            }
            return o;
        }
    }
}
