package org.transferlab.transfer.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelMeanMatchingTest {
    private static final KernelMeanMatching.Settings PAPER = new KernelMeanMatching.Settings(1000, -1, 0);

    /**
     * KMM's weights carry the samples' noise (the QP matches the target's sample mean, not its distribution), so on
     * identical distributions they are about 1 on average everywhere, with a spread that falls as n grows (sd ≈ 0.3
     * here). n_s ≠ n_t, so κ's factor n_s/n_t matters.
     */
    @Test
    void onIdenticalDistributionsTheWeightsAreAboutOne() {
        double[][] source = Samples.gaussian(1000, 2, 0, 1, 1);
        double[][] target = Samples.gaussian(500, 2, 0, 1, 2);
        double[] beta = KernelMeanMatching.weights(source, target, PAPER).beta();
        assertEquals(1, Samples.mean(beta), 0.05);
        assertTrue(Samples.sd(beta) < 0.4, "sd " + Samples.sd(beta));
        for (double[] slab : new double[][] {{-10, -0.7}, {-0.7, 0}, {0, 0.7}, {0.7, 10}}) {
            double mean = Samples.meanWeightWhere(source, beta, slab[0], slab[1]);
            assertTrue(mean > 0.8 && mean < 1.25, "mean weight " + mean + " where x0 in " + java.util.Arrays.toString(slab));
        }
    }

    @Test
    void sourceExamplesNearTheTargetWeighMoreThanThoseFarAway() {
        double[][] source = Samples.gaussian(400, 2, 0, 1, 3);
        double[][] target = Samples.gaussian(300, 2, 1, 0.5, 4);
        double[] beta = KernelMeanMatching.weights(source, target, PAPER).beta();
        double near = Samples.meanWeightWhere(source, beta, 0.5, 1.5);
        double far = Samples.meanWeightWhere(source, beta, -10, -1);
        assertTrue(near > 3 * far, "near " + near + ", far " + far);
    }

    @Test
    void theWeightsKeepThePapersConstraints() {
        double[][] source = Samples.gaussian(200, 2, 0, 1, 5);
        double[][] target = Samples.gaussian(200, 2, 2, 0.5, 6);
        for (KernelMeanMatching.Settings settings : new KernelMeanMatching.Settings[] {PAPER,
                new KernelMeanMatching.Settings(3, 0.05, 0), new KernelMeanMatching.Settings(1, 0, 0.7)}) {
            KernelMeanMatching.Weights weights = KernelMeanMatching.weights(source, target, settings);
            double sum = java.util.Arrays.stream(weights.beta()).sum();
            int n = source.length;
            double epsilon = settings.epsilon() == -1 ? (Math.sqrt(n) - 1) / Math.sqrt(n) : settings.epsilon();
            assertEquals(epsilon, weights.epsilon(), 1e-12);
            assertTrue(Math.abs(sum - n) <= n * epsilon + 1e-6, settings + ": sum " + sum);
            assertTrue(java.util.Arrays.stream(weights.beta()).allMatch(b -> b >= 0 && b <= settings.bound()),
                    settings + ": weights outside [0, B]");
        }
    }

    @Test
    void settingsOutsideTheirRangesAreRefusedWithTheirNames() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KernelMeanMatching.Settings(0.5, -1, 0))
                .getMessage().contains("bound"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KernelMeanMatching.Settings(10, 1, 0))
                .getMessage().contains("epsilon"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KernelMeanMatching.Settings(10, -1, -2))
                .getMessage().contains("width"));
    }
}
