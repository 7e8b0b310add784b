package org.transferlab.transfer.boosting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.TrainingLog;

/** AdaBoost.R2 against a loop written here, its weighted median by hand, and stage 1's schedule of weight shares. */
class TrAdaBoostR2Test {
    private static final NetworkSpec NETWORK = new NetworkSpec(NetworkSpec.Type.MLP, List.of(8), List.of(), 2, 32, 0.01, 1);
    private static final Examples NO_ROWS = Examples.valued(new float[0], 2, new double[0]);
    private static final TwoStageBoosting.StepLog QUIET = (step, done) -> { };

    /** y = slope·x₀ + x₁² + offset + noise, x uniform on [−2, 2]². */
    private static Examples curve(int n, double slope, double offset, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) random.nextDouble(-2, 2);
            x[2 * i + 1] = (float) random.nextDouble(-2, 2);
            y[i] = slope * x[2 * i] + x[2 * i + 1] * x[2 * i + 1] + offset + 0.2 * random.nextGaussian();
        }
        return Examples.valued(x, 2, y);
    }

    private static double[] uniform(int n, double total) {
        double[] w = new double[n];
        Arrays.fill(w, total / n);
        return w;
    }

    @Test
    void theWeightedMedianIsTheSmallestValueWhoseCumulativeWeightReachesHalf() {
        // Sorted: 1 (0.2), 2 (0.3), 3 (0.1), 5 (0.4); the cumulative weight reaches 0.5 at 2.
        assertEquals(2, AdaBoostR2.weightedMedian(new double[] {3, 1, 2, 5}, new double[] {0.1, 0.2, 0.3, 0.4}));
        // 0.2, 0.4, then 0.5 at 3: neither the plain median (2.5) nor the weighted mean (3.4).
        assertEquals(3, AdaBoostR2.weightedMedian(new double[] {3, 1, 2, 5}, new double[] {0.1, 0.2, 0.2, 0.5}));
        assertEquals(5, AdaBoostR2.weightedMedian(new double[] {3, 1, 2, 5}, new double[] {1, 1, 1, 10}));
        assertEquals(7, AdaBoostR2.weightedMedian(new double[] {7}, new double[] {0.3}));
    }

    @Test
    void aRegressionTreeSplitsWhereTheWeightedErrorFallsMostAndLeavesPredictTheWeightedMean() {
        // x = 0..9 with a step at 5, and a last row at x = 9 that only its weight decides.
        float[] x = new float[22];
        double[] y = new double[11];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = i;
            y[i] = i < 5 ? 0 : 10;
        }
        x[20] = 9;
        y[10] = 20;
        Examples rows = Examples.valued(x, 2, y);
        double[] w = uniform(11, 11);
        w[10] = 0;
        double[] predicted = RegressionTree.train(rows, w, 1).predict(rows);
        assertEquals(0, predicted[0], 1e-12);
        assertEquals(10, predicted[9], 1e-12, "a row of weight 0 takes no part");
        w[10] = 3;
        // Still split at 4.5 (weighted squared error 187.5, against 222 for 8.5); the upper leaf's weighted mean.
        double[] weighted = RegressionTree.train(rows, w, 1).predict(rows);
        assertEquals(0, weighted[4], 1e-12);
        assertEquals((5 * 10 + 3 * 20) / 8.0, weighted[5], 1e-12);
    }

    /** Drucker's AdaBoost.R2 on {@code rows} alone with the linear loss, written without the production loop. */
    private record Drucker(double[] votes, double[] weights, double[] predictions) {
        static Drucker run(Examples rows, int rounds, int depth, Examples test) {
            int n = rows.size();
            double[] w = uniform(n, 1);
            double[] votes = new double[rounds];
            double[][] byTree = new double[rounds][];
            for (int k = 0; k < rounds; k++) {
                RegressionTree tree = RegressionTree.train(rows, w, depth);
                double[] fitted = tree.predict(rows);
                double largest = 0;
                for (int i = 0; i < n; i++) {
                    largest = Math.max(largest, Math.abs(fitted[i] - rows.valueOf(i)));
                }
                double[] loss = new double[n];
                double error = 0;
                double total = Arrays.stream(w).sum();
                for (int i = 0; i < n; i++) {
                    loss[i] = Math.abs(fitted[i] - rows.valueOf(i)) / largest;
                    error += loss[i] * w[i] / total;
                }
                assertTrue(error > 0 && error < 0.5, "the reference needs errors in (0, 1/2): " + error);
                double beta = error / (1 - error);
                votes[k] = Math.log(1 / beta);
                for (int i = 0; i < n; i++) {
                    w[i] *= Math.pow(beta, 1 - loss[i]);
                }
                double sum = Arrays.stream(w).sum();
                for (int i = 0; i < n; i++) {
                    w[i] /= sum;
                }
                byTree[k] = tree.predict(test);
            }
            double[] predictions = new double[test.size()];
            for (int i = 0; i < predictions.length; i++) {
                int row = i;
                Integer[] order = new Integer[rounds];
                Arrays.setAll(order, k -> k);
                Arrays.sort(order, (a, b) -> Double.compare(byTree[a][row], byTree[b][row]));
                double half = Arrays.stream(votes).sum() / 2;
                double below = 0;
                int k = 0;
                while (below + votes[order[k]] < half) {
                    below += votes[order[k]];
                    k++;
                }
                predictions[i] = byTree[order[k]][i];
            }
            return new Drucker(votes, w, predictions);
        }
    }

    @Test
    void withAnEmptySourceStageTwoIsAdaBoostR2OnTheTarget() {
        Examples target = curve(80, 1, 0, 1);
        Examples test = curve(200, 1, 0, 2);
        Drucker reference = Drucker.run(target, 6, 2, test);
        AdaBoostR2 boosted = AdaBoostR2.boost(target, uniform(80, 1), NO_ROWS, new double[0], 6, 2, BoostingLoss.LINEAR);
        assertArrayEquals(reference.votes(), boosted.votes(), 1e-9);
        assertArrayEquals(reference.weights(), boosted.targetWeights(), 1e-12);
        assertArrayEquals(reference.predictions(), boosted.predict(test), 1e-12);
        // The two-stage loop without source rows runs stage 2 alone, on the target's uniform weights, at every step.
        TwoStageBoosting.Result twoStage = TwoStageBoosting.run(target, NO_ROWS, curve(20, 1, 0, 3),
                new TwoStageBoosting.Settings(3, 6, 2, BoostingLoss.LINEAR, 5), 1, QUIET);
        assertArrayEquals(reference.predictions(), twoStage.model().predict(test), 1e-12);
    }

    @Test
    void stageTwoLeavesTheSourceWeightsAndTheTargetsShareAsTheyWere() {
        Examples target = curve(40, 1, 0, 4);
        Examples source = curve(60, 1, 0.5, 5);
        AdaBoostR2 boosted = AdaBoostR2.boost(target, uniform(40, 0.3), source, uniform(60, 0.7), 5, 2, BoostingLoss.LINEAR);
        assertEquals(0.3, Arrays.stream(boosted.targetWeights()).sum(), 1e-12);
        assertTrue(Arrays.stream(boosted.targetWeights()).distinct().count() > 1, "the target's weights were boosted");
    }

    @Test
    void stageOneGivesTheTargetItsShareOfTheWeightAtEveryStep() {
        Examples target = curve(30, 1, 0, 6);
        Examples source = curve(120, -1, 1, 7);
        int steps = 5;
        TwoStageBoosting.Result result = TwoStageBoosting.run(target, source, curve(20, 1, 0, 8),
                new TwoStageBoosting.Settings(steps, 3, 2, BoostingLoss.LINEAR, 5), 1, QUIET);
        double uniform = 30.0 / 150;
        for (int s = 0; s < steps; s++) {
            double wanted = uniform + s / (steps - 1.0) * (1 - uniform);
            assertEquals(wanted, result.steps()[s].targetShare(), 1e-9, "the target's share at step " + s);
        }
        double beta = SourceShareSchedule.beta(0.25, new double[] {0.25, 0.5}, new double[] {0.5, 1}, 0.6);
        double[] reweighed = SourceShareSchedule.reweigh(new double[] {0.25, 0.5}, new double[] {0.5, 1}, beta);
        assertEquals(0.6, 0.25 / (0.25 + reweighed[0] + reweighed[1]), 1e-12, "β gives the target the share asked for");
        assertEquals(Math.sqrt(beta), reweighed[0] / 0.25, 1e-12, "a source row of loss 1/2 keeps √β of its weight");
        assertEquals(beta, reweighed[1] / 0.5, 1e-12, "a source row of loss 1 keeps β of its weight");
        assertEquals(1, SourceShareSchedule.beta(0.5, new double[] {0.5}, new double[] {1}, 0.4), "a share already held");
        assertEquals(0, SourceShareSchedule.beta(0.5, new double[] {0.5}, new double[] {0}, 0.8),
                "a source row of loss 0 cannot lose weight");
    }

    @Test
    void aRelatedSourceHelpsATinyBudgetMoreThanTheBudgetAlone() {
        Examples target = curve(12, 1, 0, 9);
        Examples source = curve(400, 1, 0.3, 10);
        Examples validation = curve(10, 1, 0, 11);
        Examples test = curve(400, 1, 0, 12);
        TwoStageBoosting.Settings settings = new TwoStageBoosting.Settings(6, 8, 3, BoostingLoss.LINEAR, 5);
        double transfer = TwoStageBoosting.squaredError(TwoStageBoosting.run(target, source, validation, settings, 1, QUIET)
                .model(), test);
        double alone = TwoStageBoosting.squaredError(TwoStageBoosting.run(target, NO_ROWS, validation, settings, 1, QUIET)
                .model(), test);
        assertTrue(transfer < alone, "with the source " + transfer + ", the budget alone " + alone);
    }

    private static TransferContext context(Examples train, Examples validation) {
        LabelledSplit budget = new LabelledSplit(train, validation, new int[train.size()], new int[validation.size()]);
        return new TransferContext("target", TaskType.REGRESSION, List.of(), FeatureShape.flat(2), budget, NETWORK, () -> {
            throw new AssertionError("tradaboost-r2 reads no source model");
        }, 3, TrainingLog.NONE).withAdaptationData(new TransferContext.SourceData(List.of(), curve(200, 1, 0.3, 13), 5),
                curve(50, 1, 0, 14).withoutLabels());
    }

    @Test
    void theStrategyChoosesAStepWithOrWithoutValidationRowsAndNeedsTargetLabels() {
        TrAdaBoostR2.Parameters p = new TrAdaBoostR2.Parameters(4, 5, 2, 0, BoostingLoss.LINEAR, 3);
        Fitted validated = new TrAdaBoostR2().fit(p, context(curve(20, 1, 0, 15), curve(8, 1, 0, 16)));
        Fitted crossValidated = new TrAdaBoostR2().fit(p, context(curve(20, 1, 0, 15), NO_ROWS));
        assertTrue(validated.provenance().contains("validation MSE"), validated.provenance());
        assertTrue(crossValidated.provenance().contains("cross-validated MSE"), crossValidated.provenance());
        assertTrue(Arrays.stream(crossValidated.predictValues(curve(30, 1, 0, 17))).allMatch(Double::isFinite));
        assertThrows(NotApplicableException.class, () -> new TrAdaBoostR2().fit(p, context(NO_ROWS, NO_ROWS)));
    }

    @Test
    void parametersOutsideTheirRangesAreRefusedWithTheirNames() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrAdaBoostR2.Parameters(0, 10, 3, 0,
                BoostingLoss.LINEAR, 5)).getMessage().contains("steps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrAdaBoostR2.Parameters(10, 0, 3, 0,
                BoostingLoss.LINEAR, 5)).getMessage().contains("rounds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrAdaBoostR2.Parameters(10, 10, 0, 0,
                BoostingLoss.LINEAR, 5)).getMessage().contains("max-depth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrAdaBoostR2.Parameters(10, 10, 3, -1,
                BoostingLoss.LINEAR, 5)).getMessage().contains("source-examples"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrAdaBoostR2.Parameters(10, 10, 3, 0,
                BoostingLoss.LINEAR, 1)).getMessage().contains("folds"));
        assertEquals(0.25, BoostingLoss.SQUARE.of(0.5), 1e-12);
        assertEquals(1 - Math.exp(-0.5), BoostingLoss.EXPONENTIAL.of(0.5), 1e-12);
    }
}
