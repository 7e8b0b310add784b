package org.transferlab.transfer.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KliepTest {
    private static final Kliep.Settings PAPER = new Kliep.Settings(100, 0, 5);

    @Test
    void onIdenticalDistributionsTheWeightsAreAboutOne() {
        double[][] source = Samples.gaussian(300, 3, 0, 1, 1);
        double[][] target = Samples.gaussian(200, 3, 0, 1, 2);
        Kliep.Weights weights = Kliep.weights(source, target, PAPER, 7);
        assertEquals(1, Samples.mean(weights.weights()), 1e-9);
        assertTrue(Samples.sd(weights.weights()) < 0.15, weights.describe());
        assertTrue(java.util.Arrays.stream(weights.weights()).allMatch(w -> w > 0.5 && w < 1.5), weights.describe());
    }

    @Test
    void sourceExamplesNearTheTargetWeighMoreThanThoseFarAway() {
        double[][] source = Samples.gaussian(400, 2, 0, 1, 3);
        double[][] target = Samples.gaussian(300, 2, 1, 0.5, 4);
        double[] w = Kliep.weights(source, target, PAPER, 8).weights();
        double near = Samples.meanWeightWhere(source, w, 0.5, 1.5);
        double far = Samples.meanWeightWhere(source, w, -10, -1);
        assertTrue(near > 3 * far, "near " + near + ", far " + far);
    }

    @Test
    void theWeightsAverageOneOverTheSourceAndTheCoefficientsAreNonNegative() {
        double[][] source = Samples.gaussian(250, 2, 0, 1, 5);
        double[][] target = Samples.gaussian(150, 2, 2, 0.5, 6);
        for (Kliep.Settings settings : new Kliep.Settings[] {PAPER, new Kliep.Settings(20, 0.5, 2), new Kliep.Settings(500, 2, 5)}) {
            Kliep.Weights weights = Kliep.weights(source, target, settings, 9);
            assertEquals(1, Samples.mean(weights.weights()), 1e-9, settings.toString());
            assertTrue(java.util.Arrays.stream(weights.model().alpha()).allMatch(a -> a >= 0), settings + ": α < 0");
            assertTrue(weights.model().centres().length == Math.min(settings.centres(), target.length));
            double[] again = weights.model().ratios(source);
            for (int i = 0; i < again.length; i++) {
                assertEquals(weights.weights()[i], again[i], 1e-12);
            }
        }
    }

    @Test
    void theFitRaisesTheTargetLikelihoodAboveTheConstantRatio() {
        double[][] source = Samples.gaussian(300, 2, 0, 1, 10);
        double[][] target = Samples.gaussian(300, 2, 1, 0.5, 11);
        Kliep.Weights weights = Kliep.weights(source, target, PAPER, 12);
        double[] onTarget = weights.model().ratios(target);
        double meanLog = java.util.Arrays.stream(onTarget).map(Math::log).average().orElseThrow();
        // w ≡ 1 meets the constraint with mean log 0; under this shift the true mean log ratio is well above 0.
        assertTrue(meanLog > 0.5, "mean log ŵ on the target " + meanLog);
    }

    @Test
    void settingsOutsideTheirRangesAreRefusedWithTheirNames() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Kliep.Settings(0, 0, 5)).getMessage().contains("centres"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Kliep.Settings(10, -1, 5)).getMessage().contains("width"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Kliep.Settings(10, 0, 1)).getMessage().contains("folds"));
    }
}
