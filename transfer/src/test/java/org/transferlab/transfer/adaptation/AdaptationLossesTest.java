package org.transferlab.transfer.adaptation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.transfer.adaptation.FiniteDifferences.assertGradient;
import static org.transferlab.transfer.adaptation.FiniteDifferences.random;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each term's value against a hand computation, and its gradient against central finite differences. */
class AdaptationLossesTest {
    @Test
    void mmdIsZeroForIdenticalBatches() {
        double[][] batch = random(5, 3, 1);
        double[][] both = new double[10][];
        for (int i = 0; i < 5; i++) {
            both[i] = batch[i];
            both[5 + i] = batch[i].clone();
        }
        LossGradient mmd = new MultiKernelMmd(MultiKernelMmd.DAN_MULTIPLIERS).of(both, 5);
        assertEquals(0, mmd.value(), 1e-12);
        for (double[] row : mmd.gradient()) {
            assertArrayEquals(new double[3], row, 1e-12);
        }
    }

    @Test
    void mmdOfTwoPointsIsTheHandComputedSumOverKernels() {
        // s = {0}, t = {1}: the mean squared distance over the 2x2 pairs is 1/2, so σ² = a/2 and k(s, t) = e^{-1/a};
        // each kernel contributes k(s,s) + k(t,t) - 2 k(s,t) = 2 - 2 e^{-1/a}.
        double expected = 0;
        for (double a : MultiKernelMmd.DAN_MULTIPLIERS) {
            expected += 2 - 2 * Math.exp(-1 / a);
        }
        assertEquals(expected, new MultiKernelMmd(MultiKernelMmd.DAN_MULTIPLIERS).of(new double[][] {{0}, {1}}, 1).value(), 1e-12);
    }

    @Test
    void mmdGradientMatchesFiniteDifferencesAtAFixedBandwidth() {
        MultiKernelMmd mmd = new MultiKernelMmd(List.of(0.5, 1.0, 2.0));
        double[][] x = random(7, 3, 2);
        for (int i = 4; i < 7; i++) {
            x[i][0] += 1.5;
        }
        double bandwidth = MultiKernelMmd.meanSquaredDistance(x);
        assertGradient(rows -> mmd.of(rows, 4, bandwidth).value(), x, mmd.of(x, 4, bandwidth).gradient(), "MMD");
        assertEquals(mmd.of(x, 4).value(), mmd.of(x, 4, bandwidth).value(), 1e-12);
    }

    @Test
    void coralIsTheHandComputedCovarianceDistance() {
        // Source rows (0,0), (2,0): covariance [[2,0],[0,0]]. Target rows (0,0), (0,4): [[0,0],[0,8]].
        // ||C_S - C_T||² = 4 + 64 = 68, over 4 d² = 16.
        double[][] rows = {{0, 0}, {2, 0}, {0, 0}, {0, 4}};
        assertEquals(68.0 / 16, CoralLoss.of(rows, 2).value(), 1e-12);
        assertEquals(0, CoralLoss.of(new double[][] {{1, 2}, {3, 1}, {1, 2}, {3, 1}}, 2).value(), 1e-12);
    }

    @Test
    void coralGradientMatchesFiniteDifferences() {
        double[][] x = random(9, 4, 3);
        assertGradient(rows -> CoralLoss.of(rows, 5).value(), x, CoralLoss.of(x, 5).gradient(), "CORAL");
    }

    @Test
    void classConfusionIsZeroForConfidentDistinctPredictionsAndLargeForUniformOnes() {
        double[][] confident = {{50, 0, 0}, {0, 50, 0}, {0, 0, 50}};
        assertEquals(0, ClassConfusion.of(confident, 1).value(), 1e-9);
        // Uniform predictions: C_jj / s_j = 1/K for every class, so the loss is 1 - 1/K.
        assertEquals(1 - 1.0 / 3, ClassConfusion.of(new double[][] {{0, 0, 0}, {1, 1, 1}}, 2.5).value(), 1e-12);
    }

    @Test
    void classConfusionGradientMatchesFiniteDifferencesWithItsWeightsHeld() {
        double[][] z = random(6, 4, 4);
        double[] weights = ClassConfusion.weights(SoftmaxCrossEntropy.softmax(z, 2.5));
        assertEquals(6, java.util.Arrays.stream(weights).sum(), 1e-12, "the weights average 1");
        assertGradient(rows -> ClassConfusion.of(rows, 2.5, weights).value(), z, ClassConfusion.of(z, 2.5, weights).gradient(),
                "MCC");
    }

    @Test
    void smallestSingularValuesOfADiagonalMatrixAndTheirGradient() {
        double[][] diagonal = {{3, 0, 0}, {0, 0.5, 0}};
        assertEquals(0.25, SmallestSingularValues.of(diagonal, 1).value(), 1e-12);
        assertEquals(9.25, SmallestSingularValues.of(diagonal, 2).value(), 1e-12);
        double[][] wide = random(4, 6, 5);
        assertGradient(rows -> SmallestSingularValues.of(rows, 2).value(), wide, SmallestSingularValues.of(wide, 2).gradient(),
                "BSS, rows < columns");
        double[][] tall = random(7, 3, 6);
        assertGradient(rows -> SmallestSingularValues.of(rows, 1).value(), tall, SmallestSingularValues.of(tall, 1).gradient(),
                "BSS, rows > columns");
    }

    @Test
    void crossEntropyGradientMatchesFiniteDifferences() {
        double[][] z = random(5, 3, 7);
        int[] classes = {0, 2, 1, 1, 0};
        assertGradient(rows -> SoftmaxCrossEntropy.of(rows, classes).value(), z, SoftmaxCrossEntropy.of(z, classes).gradient(), "CE");
    }

    @Test
    void gradientReversalPassesMinusLambdaTimesTheGradientAndStartsAtZero() {
        double[][] incoming = {{1, -2}, {0.5, 4}};
        assertArrayEquals(new double[] {-0.3, 0.6}, GradientReversal.backward(incoming, 0.3)[0], 1e-12);
        assertArrayEquals(new double[] {-0.15, -1.2}, GradientReversal.backward(incoming, 0.3)[1], 1e-12);
        assertEquals(0, GradientReversal.lambda(0, 10), 0);
        assertEquals(2 / (1 + Math.exp(-5)) - 1, GradientReversal.lambda(0.5, 10), 1e-15);
        assertTrue(GradientReversal.lambda(1, 10) > 0.99);
    }

    @Test
    void attentiveFeatureDistanceIsTheHandComputedWeightedSumAndItsGradientMatchesFiniteDifferences() {
        // (1/2) [0.7 (1 - 0)² + 0.3 (2 - 4)² + 0.7 (0 - 0)² + 0.3 (1 - 0)²] = (0.7 + 1.2 + 0.3) / 2
        assertEquals(1.1, AttentiveFeatureDistance.of(new double[][] {{1, 2}, {0, 1}}, new double[][] {{0, 4}, {0, 0}},
                new double[] {0.7, 0.3}).value(), 1e-12);
        double[][] f = random(5, 3, 13);
        double[][] source = random(5, 3, 14);
        double[] attention = {0.5, 0.2, 0.3};
        assertGradient(rows -> AttentiveFeatureDistance.of(rows, source, attention).value(), f,
                AttentiveFeatureDistance.of(f, source, attention).gradient(), "DELTA");
    }

    @Test
    void crossEntropyAgainstDistributionsIsTheClassCrossEntropyForOneHotTargetsAndItsGradientMatches() {
        double[][] z = random(4, 3, 15);
        double[][] oneHot = {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}, {0, 1, 0}};
        assertEquals(SoftmaxCrossEntropy.of(z, new int[] {1, 0, 2, 1}).value(),
                SoftmaxCrossEntropy.ofDistributions(z, oneHot).value(), 1e-12);
        double[][] soft = {{0.2, 0.5, 0.3}, {0.6, 0.1, 0.3}, {1.0 / 3, 1.0 / 3, 1.0 / 3}, {0, 0.9, 0.1}};
        assertGradient(rows -> SoftmaxCrossEntropy.ofDistributions(rows, soft).value(), z,
                SoftmaxCrossEntropy.ofDistributions(z, soft).gradient(), "soft CE");
    }
}
