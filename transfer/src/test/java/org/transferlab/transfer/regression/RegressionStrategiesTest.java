package org.transferlab.transfer.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.transferlab.core.data.Examples;
import org.transferlab.core.metrics.RegressionMetrics;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;

/**
 * Each regression strategy on linear worlds whose answer is known in closed form. The source world is
 * y = 2x₁ − x₂ + 0.5x₃ + 3; the target world differs in its weights and intercept.
 */
class RegressionStrategiesTest {
    private static final double[] SOURCE_W = {2, -1, 0.5};
    private static final double[] TARGET_W = {1, -2, 1.5};
    private static final Examples SOURCE = RegressionWorld.sample(SOURCE_W, 3, 0, 0.1, 300, 1);
    private static final Examples TARGET_TRAIN = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.1, 20, 2);
    private static final Examples TARGET_VALIDATION = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.1, 8, 3);
    private static final Examples TEST = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.0, 200, 4);
    private static final TransferContext CONTEXT = RegressionWorld.context(SOURCE, TARGET_TRAIN, TARGET_VALIDATION, 5);

    @Test
    void targetOnlyWithoutPenaltyIsLeastSquaresAndRecoversANoiselessLine() {
        Examples exact = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.0, 10, 6);
        TransferContext context = RegressionWorld.context(SOURCE, exact, TARGET_VALIDATION, 5);
        Fitted fitted = new TargetOnlyRegression().fit(new TargetOnlyRegression.Parameters(0), context);
        assertTrue(RegressionWorld.maxDifference(TEST.values(), fitted.predictValues(TEST)) < 1e-3,
                "least squares on noiseless data reproduces the line");
        assertEquals(0, fitted.summary().trainLoss(), 1e-6);
    }

    @Test
    void priorWithAHugeLambdaIsTheSourceModel() {
        double[] source = new SourceOnlyRegression().fit(new SourceOnlyRegression.Parameters(1.0), CONTEXT).predictValues(TEST);
        double[] prior = new PriorRegression().fit(new PriorRegression.Parameters(1e12, 1.0), CONTEXT).predictValues(TEST);
        assertTrue(RegressionWorld.maxDifference(source, prior) < 1e-4, "λ → ∞ pins the weights to the source's");
    }

    @Test
    void priorWithLambdaZeroIsTargetOnlyLeastSquares() {
        double[] target = new TargetOnlyRegression().fit(new TargetOnlyRegression.Parameters(0), CONTEXT).predictValues(TEST);
        double[] prior = new PriorRegression().fit(new PriorRegression.Parameters(0, 1.0), CONTEXT).predictValues(TEST);
        assertTrue(RegressionWorld.maxDifference(target, prior) < 1e-6, "λ = 0 leaves least squares on the target");
    }

    @Test
    void priorHelpsWhenTheTargetHasFewerExamplesThanWeights() {
        // Two target examples cannot fix four coefficients; a related source can (Chelba & Acero's "little data").
        Examples related = RegressionWorld.sample(new double[] {1.1, -1.9, 1.4}, -0.8, 0.5, 0.1, 300, 7);
        Examples two = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.1, 2, 8);
        TransferContext context = RegressionWorld.context(related, two, two.subset(new int[0]), 5);
        double prior = rmse(new PriorRegression().fit(new PriorRegression.Parameters(1, 1.0), context));
        double target = rmse(new TargetOnlyRegression().fit(new TargetOnlyRegression.Parameters(1.0), context));
        assertTrue(prior < target / 2, "prior " + prior + " against target-only " + target);
    }

    @Test
    void augmentOnIdenticalDomainsMatchesPooled() {
        Examples same = RegressionWorld.sample(SOURCE_W, 3, 0, 0.3, 100, 9);
        TransferContext context = RegressionWorld.context(same, same, TARGET_VALIDATION, 5);
        double[] augment = new AugmentRegression().fit(new AugmentRegression.Parameters(1e-9), context).predictValues(TEST);
        double[] pooled = new PooledRegression().fit(new PooledRegression.Parameters(0), context).predictValues(TEST);
        assertTrue(RegressionWorld.maxDifference(augment, pooled) < 1e-4,
                "with nothing domain-specific to learn, the shared weights are the pooled ones");
    }

    @Test
    void augmentLearnsTheTargetWhereTheDomainsDiffer() {
        double augment = rmse(new AugmentRegression().fit(new AugmentRegression.Parameters(0.01), CONTEXT));
        double pooled = rmse(new PooledRegression().fit(new PooledRegression.Parameters(0.01), CONTEXT));
        assertTrue(augment < 0.2 && pooled > 1, "augment " + augment + ", pooled " + pooled);
    }

    @Test
    void weightedInterpolatesBetweenTargetOnlyAndPooled() {
        double[] pooled = new PooledRegression().fit(new PooledRegression.Parameters(1.0), CONTEXT).predictValues(TEST);
        double[] weightOne = new WeightedRegression().fit(new WeightedRegression.Parameters(1.0, 1.0), CONTEXT).predictValues(TEST);
        assertArrayEquals(pooled, weightOne, 1e-9);
        double[] target = new TargetOnlyRegression().fit(new TargetOnlyRegression.Parameters(1.0), CONTEXT).predictValues(TEST);
        double[] tiny = new WeightedRegression().fit(new WeightedRegression.Parameters(1e-12, 1.0), CONTEXT).predictValues(TEST);
        // Standardisation statistics still come from the pooled data, so the ridge penalty bites slightly differently.
        assertTrue(RegressionWorld.maxDifference(target, tiny) < 0.05, "a negligible source weight leaves target-only");
    }

    @Test
    void balancedWeightingWithoutTargetRowsIsNotApplicableRatherThanAModelOfNothing() {
        Examples none = TARGET_TRAIN.subset(new int[0]);
        TransferContext unlabelled = RegressionWorld.context(SOURCE, none, none, 5);
        String reason = assertThrows(org.transferlab.transfer.NotApplicableException.class,
                () -> new WeightedRegression().fit(new WeightedRegression.Parameters(0, 1.0), unlabelled)).getMessage();
        assertTrue(reason.contains("balanced"), reason);
        double[] pooled = new PooledRegression().fit(new PooledRegression.Parameters(1.0), unlabelled).predictValues(TEST);
        assertArrayEquals(pooled, new WeightedRegression().fit(new WeightedRegression.Parameters(1.0, 1.0), unlabelled)
                .predictValues(TEST), 1e-9, "an explicit weight still fits the source alone");
    }

    @Test
    void predAddsTheSourcePredictionAsAFeature() {
        LinearModel source = RegressionFits.sourceModel(CONTEXT, 1.0);
        Examples extended = PredRegression.withSourcePrediction(source, TEST);
        double[] predicted = source.predictValues(TEST);
        assertEquals(TEST.featureCount() + 1, extended.featureCount());
        for (int i = 0; i < TEST.size(); i++) {
            assertEquals(predicted[i], extended.feature(i, TEST.featureCount()), 1e-4);
            assertEquals(TEST.feature(i, 0), extended.feature(i, 0));
        }
    }

    @Test
    void predWithoutPenaltyFitsANoiselessTargetExactly() {
        // A linear source prediction lies in the span of the features, so least squares still finds the target's line.
        Examples exact = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.0, 12, 10);
        TransferContext context = RegressionWorld.context(SOURCE, exact, exact.subset(new int[0]), 5);
        assertTrue(rmse(new PredRegression().fit(new PredRegression.Parameters(0, 1.0), context)) < 1e-3);
    }

    @Test
    void linintChoosesTheSourceWhenItIsExactAndTheTargetWhenTheSourceIsUnrelated() {
        Examples exact = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.0, 300, 12);
        Examples noisy = RegressionWorld.sample(TARGET_W, -1, 0.5, 2.0, 6, 13);
        Examples validation = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.0, 6, 14);
        LinearModel source = RegressionFits.sourceModel(RegressionWorld.context(exact, noisy, validation, 5), 0);
        LinearModel target = RegressionFits.targetModel(RegressionWorld.context(exact, noisy, validation, 5), 1.0);
        assertEquals(1.0, LinIntRegression.bestAlpha(source, target, validation));
        LinearModel unrelated = RegressionFits.sourceModel(RegressionWorld.context(
                RegressionWorld.sample(new double[] {-3, 3, -3}, 10, 0, 0.0, 300, 15), noisy, validation, 5), 0);
        LinearModel clean = RegressionFits.targetModel(RegressionWorld.context(exact, validation, validation, 5), 0);
        assertEquals(0.0, LinIntRegression.bestAlpha(unrelated, clean, validation));
    }

    @Test
    void importanceWeightsFavourSourceExamplesThatLookLikeTheTarget() {
        Examples source = RegressionWorld.sample(SOURCE_W, 3, 0, 0.1, 400, 16);
        Examples target = RegressionWorld.sample(SOURCE_W, 3, 1.5, 0.1, 400, 17).withoutLabels();
        double[] weights = ImportanceWeightedRegression.densityRatios(source, target,
                new ImportanceWeightedRegression.Parameters(1.0, 10, 20), 18);
        double near = 0;
        double far = 0;
        int nearCount = 0;
        int farCount = 0;
        for (int i = 0; i < source.size(); i++) {
            double sum = source.feature(i, 0) + source.feature(i, 1) + source.feature(i, 2);
            if (sum > 1.5) {
                near += weights[i];
                nearCount++;
            } else if (sum < -1.5) {
                far += weights[i];
                farCount++;
            }
        }
        assertTrue(near / nearCount > 5 * (far / farCount), "near " + near / nearCount + ", far " + far / farCount);
        assertTrue(java.util.Arrays.stream(weights).allMatch(w -> w > 0 && w <= 10), "weights are positive and capped");
    }

    @Test
    void fineTuningStartsFromTheSourceNetworkAndIsDeterministic() {
        Examples same = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.05, 400, 19);
        Examples four = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.05, 4, 20);
        Examples validation = RegressionWorld.sample(TARGET_W, -1, 0.5, 0.05, 4, 21);
        TransferContext context = RegressionWorld.context(same, four, validation, 5);
        FineTuningRegression.Parameters transfer = new FineTuningRegression.Parameters(0.001, 20, 5, 16, true);
        Fitted fitted = new FineTuningRegression().fit(transfer, context);
        Fitted scratch = new FineTuningRegression().fit(new FineTuningRegression.Parameters(0.001, 20, 5, 16, false), context);
        assertTrue(rmse(fitted) < 0.5 * rmse(scratch), "fine-tuned " + rmse(fitted) + ", scratch " + rmse(scratch));
        assertArrayEquals(fitted.predictValues(TEST), new FineTuningRegression().fit(transfer, context).predictValues(TEST));
        assertTrue(fitted.summary().epochsRun() >= 1 && fitted.summary().bestEpoch() >= 1);
    }

    @Test
    void strategiesThatNeedTargetLabelsAreNotApplicableToAnEmptyBudget() {
        Examples none = TARGET_TRAIN.subset(new int[0]);
        TransferContext empty = RegressionWorld.context(SOURCE, none, none, 5);
        assertThrows(NotApplicableException.class, () -> new TargetOnlyRegression().fit(new TargetOnlyRegression.Parameters(1), empty));
        assertThrows(NotApplicableException.class, () -> new PriorRegression().fit(new PriorRegression.Parameters(1, 1), empty));
        double sourceOnly = rmse(new SourceOnlyRegression().fit(new SourceOnlyRegression.Parameters(1), empty));
        assertTrue(Double.isFinite(sourceOnly), "source-only needs no target labels");
    }

    @Test
    void parametersRejectNegativePenalties() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PriorRegression.Parameters(-1, 1));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TargetOnlyRegression.Parameters(Double.NaN));
    }

    private static double rmse(Fitted fitted) {
        return RegressionMetrics.score(TEST.values(), fitted.predictValues(TEST)).get(RegressionMetrics.RMSE);
    }
}
