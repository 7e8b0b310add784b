package org.transferlab.transfer.boosting;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.transferlab.core.data.Examples;

/**
 * Two-stage TrAdaBoost.R2's loop ({@link TrAdaBoostR2} has the algorithm and the paper): at each of S steps, stage
 * 2 ({@link AdaBoostR2}) on the step's weights, its error for the choice of step, then stage 1 moves the source's
 * weights ({@link SourceShareSchedule}) for the next. The rows' weights start uniform, summing to 1 over target and
 * source; the target's come first.
 */
final class TwoStageBoosting {
    private TwoStageBoosting() {
    }

    /**
     * @param steps    S, the stage-1 steps (at least 1)
     * @param rounds   stage 2's boosting rounds per step (at least 1)
     * @param maxDepth the greatest depth of every tree (at least 1)
     * @param loss     the loss of both stages
     * @param folds    cross-validation folds on the target rows, when there are no validation rows (at least 2)
     */
    record Settings(int steps, int rounds, int maxDepth, BoostingLoss loss, int folds) {
    }

    /** One step: the target's share of the weight stage 2 ran on, stage 2's model, and its error for the choice. */
    record Step(double targetShare, AdaBoostR2 model, double error) {
    }

    /** Receives each step as it ends (1-based). */
    @FunctionalInterface
    interface StepLog {
        void step(int step, Step done);
    }

    /** Every step, and the index of the one chosen: the lowest error, the earliest on ties. */
    record Result(Step[] steps, int chosen) {
        AdaBoostR2 model() {
            return steps[chosen].model();
        }
    }

    /**
     * Runs the S steps on {@code target} and {@code source}, choosing by the squared error on {@code validation},
     * or, without validation rows, by {@code folds}-fold cross-validation on the target rows (folds drawn with
     * {@code seed}); with neither (one target row), the first step.
     */
    static Result run(Examples target, Examples source, Examples validation, Settings settings, long seed, StepLog log) {
        int n = target.size();
        int m = source.size();
        double[] targetWeights = new double[n];
        double[] sourceWeights = new double[m];
        Arrays.fill(targetWeights, 1.0 / (n + m));
        Arrays.fill(sourceWeights, 1.0 / (n + m));
        int[] folds = folds(n, settings.folds(), seed);
        Step[] steps = new Step[settings.steps()];
        int chosen = 0;
        for (int s = 0; s < steps.length; s++) {
            AdaBoostR2 model = AdaBoostR2.boost(target, targetWeights, source, sourceWeights, settings.rounds(),
                    settings.maxDepth(), settings.loss());
            double error = validation.size() > 0 ? squaredError(model, validation)
                    : crossValidated(target, targetWeights, source, sourceWeights, folds, settings);
            steps[s] = new Step(Arrays.stream(targetWeights).sum(), model, error);
            chosen = error < steps[chosen].error() ? s : chosen;
            log.step(s + 1, steps[s]);
            if (s + 1 < steps.length) {
                sourceWeights = stageOne(target, targetWeights, source, sourceWeights,
                        SourceShareSchedule.targetShare(s + 1, steps.length, n, m), settings);
                double total = Arrays.stream(targetWeights).sum() + Arrays.stream(sourceWeights).sum();
                targetWeights = scaled(targetWeights, 1 / total);
                sourceWeights = scaled(sourceWeights, 1 / total);
            }
        }
        return new Result(steps, chosen);
    }

    /** The source weights after one stage-1 step towards {@code share}: a tree on all rows, its losses, β by the schedule. */
    private static double[] stageOne(Examples target, double[] targetWeights, Examples source, double[] sourceWeights,
                                     double share, Settings settings) {
        Examples all = target.concat(source);
        double[] weights = Arrays.copyOf(targetWeights, all.size());
        System.arraycopy(sourceWeights, 0, weights, target.size(), source.size());
        RegressionTree tree = RegressionTree.train(all, weights, settings.maxDepth());
        double[] losses = settings.loss().of(all.values(), tree.predict(all));
        double[] sourceLosses = Arrays.copyOfRange(losses, target.size(), all.size());
        double beta = SourceShareSchedule.beta(Arrays.stream(targetWeights).sum(), sourceWeights, sourceLosses, share);
        return SourceShareSchedule.reweigh(sourceWeights, sourceLosses, beta);
    }

    /** The fold of each target row, seeded; null where there are fewer than two rows to fold. */
    private static int[] folds(int n, int folds, long seed) {
        if (n < 2) {
            return null;
        }
        int count = Math.min(folds, n);
        int[] order = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] fold = new int[n];
        for (int k = 0; k < n; k++) {
            fold[order[k]] = k % count;
        }
        return fold;
    }

    /** Stage 2's mean squared error on each held-out fold of the target rows, trained on the rest and the source. */
    private static double crossValidated(Examples target, double[] targetWeights, Examples source, double[] sourceWeights,
                                         int[] folds, Settings settings) {
        if (folds == null) {
            return 0;
        }
        int count = Arrays.stream(folds).max().orElseThrow() + 1;
        double squares = 0;
        for (int f = 0; f < count; f++) {
            int held = f;
            int[] in = IntStream.range(0, folds.length).filter(i -> folds[i] != held).toArray();
            int[] out = IntStream.range(0, folds.length).filter(i -> folds[i] == held).toArray();
            AdaBoostR2 model = AdaBoostR2.boost(target.subset(in), Arrays.stream(in).mapToDouble(i -> targetWeights[i]).toArray(),
                    source, sourceWeights, settings.rounds(), settings.maxDepth(), settings.loss());
            squares += squaredError(model, target.subset(out)) * out.length;
        }
        return squares / folds.length;
    }

    /** The mean squared error of {@code model} on {@code rows}. */
    static double squaredError(AdaBoostR2 model, Examples rows) {
        double[] predicted = model.predict(rows);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += (predicted[i] - rows.valueOf(i)) * (predicted[i] - rows.valueOf(i));
        }
        return sum / predicted.length;
    }

    private static double[] scaled(double[] values, double factor) {
        return Arrays.stream(values).map(v -> v * factor).toArray();
    }
}
