package org.transferlab.transfer.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.ClassProbabilities;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.engine.FitSummary;

class ValidatorsTest {
    private static final double[][] CONFIDENT = {{0.9, 0.1}, {0.2, 0.8}, {0.7, 0.3}};
    private static final int[] LABELS = {0, 1, 1};

    @Test
    void theFiveValidatorsAreRegisteredByTheirConfigNames() {
        assertEquals(Set.of("source-validation", "iwcv", "dev", "snd", "entropy"),
                ValidatorBindings.registry(Plugins.discover()).names());
    }

    @Test
    void sourceValidationIsThePlainAccuracyOnHeldOutSourceAndIgnoresTheWeights() {
        ValidationInputs inputs = new ValidationInputs(CONFIDENT, CONFIDENT, LABELS, new double[] {5, 0.1, 0.1});
        assertEquals(2.0 / 3, new SourceValidation().score(inputs), 1e-12);
    }

    @Test
    void iwcvWeighsEachSourceLossByItsDensityRatio() {
        double[] weights = {2, 1, 0.5};
        double expected = -(2 * -Math.log(0.9) + 1 * -Math.log(0.8) + 0.5 * -Math.log(0.3)) / 3;
        assertEquals(expected, new Iwcv().score(new ValidationInputs(CONFIDENT, CONFIDENT, LABELS, weights)), 1e-9);
    }

    @Test
    void theSourceReadingValidatorsHaveNothingToScoreWithoutSourceExamples() {
        ValidationInputs targetOnly = new ValidationInputs(CONFIDENT, new double[0][], new int[0], new double[0]);
        for (Validator v : new Validator[] {new SourceValidation(), new Iwcv(), new Dev()}) {
            assertTrue(v.readsSource());
            assertTrue(Double.isNaN(v.score(targetOnly)), v.description());
        }
        assertTrue(Double.isFinite(new Snd().score(targetOnly)));
        assertTrue(Double.isFinite(new PredictionEntropy().score(targetOnly)));
    }

    @Test
    void entropyPrefersTheConfidentCandidate() {
        double[][] unsure = {{0.5, 0.5}, {0.6, 0.4}, {0.45, 0.55}};
        ValidationInputs confident = new ValidationInputs(CONFIDENT, new double[0][], new int[0], new double[0]);
        ValidationInputs hesitant = new ValidationInputs(unsure, new double[0][], new int[0], new double[0]);
        assertTrue(new PredictionEntropy().score(confident) > new PredictionEntropy().score(hesitant));
    }

    @Test
    void densityRatiosAreAboutOneWhenSourceAndTargetAreTheSameDistribution() {
        double[][] source = gaussian(400, 0, 11);
        double[][] target = gaussian(400, 0, 12);
        double[] w = ImportanceWeights.of(source, target, 3);
        double mean = java.util.Arrays.stream(w).average().orElseThrow();
        assertEquals(1.0, mean, 0.1);
        assertTrue(java.util.Arrays.stream(w).allMatch(v -> v > 0.5 && v < 2), "a weight far from 1 on identical domains");
    }

    @Test
    void densityRatiosGrowTowardsWhereTheTargetLies() {
        double[][] source = gaussian(400, 0, 21);
        double[][] target = gaussian(400, 1.5, 22);
        double[] w = ImportanceWeights.of(new double[][] {{-1, 0}, {0, 0}, {1, 0}, {2, 0}}, target, 5);
        for (int i = 1; i < w.length; i++) {
            assertTrue(w[i] > w[i - 1], "weights " + java.util.Arrays.toString(w));
        }
        assertTrue(ImportanceWeights.of(source, target, 5).length == 400);
    }

    @Test
    void softmaxAndRestrictionGiveRowsThatSumToOneWithTheSameArgMax() {
        double[][] logits = {{2, 1, 5}, {0, 3, -1}};
        double[][] p = ClassProbabilities.softmax(logits, 2);
        assertEquals(1, p[0][0] + p[0][1], 1e-12);
        assertTrue(p[0][0] > p[0][1] && p[1][1] > p[1][0], "the third, non-target logit must not count");
        assertArrayEquals(new double[] {0.25, 0.75}, ClassProbabilities.restricted(new double[][] {{0.1, 0.3, 0.6}}, 2)[0], 1e-12);
    }

    @Test
    void aModelWithoutProbabilitiesSaysSoRatherThanInventingThem() {
        Examples two = Examples.classified(new float[] {0, 1}, 1, new int[] {0, 1});
        Fitted votes = Fitted.classes(examples -> new int[examples.size()], FitSummary.NONE);
        assertTrue(votes.probabilities(two).isEmpty());
        ClassProbabilities half = new ClassProbabilities() {
            @Override
            public int[] predictClasses(Examples examples) {
                return new int[examples.size()];
            }

            @Override
            public double[][] probabilities(Examples examples) {
                return new double[][] {{0.5, 0.5}, {0.5, 0.5}};
            }
        };
        assertEquals(2, Fitted.classes(half, FitSummary.NONE).probabilities(two).orElseThrow().length);
    }

    private static double[][] gaussian(int n, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][2];
        for (double[] row : rows) {
            row[0] = shift + nextGaussian(random);
            row[1] = nextGaussian(random);
        }
        return rows;
    }

    private static double nextGaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
