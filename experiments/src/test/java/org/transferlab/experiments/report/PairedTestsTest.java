package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.experiments.config.VerdictTest;

/**
 * Expected p-values from scipy 1.10.1 (Debian python3-scipy): {@code stats.ttest_rel}; {@code stats.wilcoxon}
 * (exact without ties; {@code mode="approx", correction=True} beyond 50 pairs); and, for the exact tests with ties,
 * {@code stats.permutation_test((a, b), statistic, permutation_type="samples", n_resamples=np.inf)} with the
 * statistic W+ (the sum of the ranks of the positive differences) or the mean difference.
 */
class PairedTestsTest {
    private static final double[] A = {0.81, 0.79, 0.84, 0.80, 0.83};
    private static final double[] B = {0.76, 0.78, 0.79, 0.77, 0.80};
    /** Differences 2, 1, 2, 2, 3, 4, −1, 3: magnitudes tied three ways. */
    private static final double[] TIED_A = {3, 5, 4, 9, 7, 8, 2, 6};
    private static final double[] TIED_B = {1, 4, 2, 7, 4, 4, 3, 3};

    @Test
    void pairedTMatchesScipy() {
        assertEquals(0.01046966928961523, PairedTests.pairedT(A, B), 1e-12);
        assertEquals(0.009362827686918023, PairedTests.pairedT(new double[] {0.78, 0.79, 0.80}, new double[] {0.64, 0.66, 0.70}), 1e-12);
    }

    @Test
    void wilcoxonMatchesScipysExactTest() {
        // A − B has the magnitudes 0.05, 0.01, 0.05, 0.03, 0.03, equal but for floating-point noise: tied ranks.
        assertEquals(0.0625, PairedTests.wilcoxon(A, B), 1e-12);
        assertEquals(0.25, PairedTests.wilcoxon(new double[] {0.78, 0.79, 0.80}, new double[] {0.64, 0.66, 0.70}), 1e-12);
    }

    @Test
    void wilcoxonIsExactWithTiedMagnitudes() {
        assertEquals(0.0234375, PairedTests.wilcoxon(TIED_A, TIED_B), 1e-12, "scipy permutation_test of W+: 6/256");
        double[] withZeros = {3, 5, 4, 9, 7, 8, 2, 6, 5, 5};
        double[] zerosBaseline = {1, 4, 2, 7, 4, 4, 3, 3, 5, 5};
        assertEquals(0.0234375, PairedTests.wilcoxon(withZeros, zerosBaseline), 1e-12, "zero differences are dropped");
    }

    @Test
    void fivePairsCannotGoBelowTheExactMinimumEvenWithTies() {
        // Five positive differences 1, 2, 1, 3, 1: the old normal approximation gave 0.031 here; exactly, the smallest
        // two-sided p of five pairs is 2/2^5.
        double p = PairedTests.wilcoxon(new double[] {2, 3, 2, 4, 2}, new double[] {1, 1, 1, 1, 1});
        assertEquals(0.0625, p, 1e-12);
        assertEquals(0.0625, PairedTests.smallestPValue(VerdictTest.WILCOXON, 5), 1e-12);
    }

    @Test
    void wilcoxonBeyondFiftyPairsIsTheTieCorrectedNormalApproximation() {
        // rng = np.random.default_rng(7); a = np.round(rng.normal(0.3, 1, 60), 1): many tied magnitudes, one zero.
        double[] a = {0.3, 0.6, 0.0, -0.6, -0.2, -0.7, 0.4, 1.6, -0.2, -0.3, 0.8, 0.7, 0.4, -0.6, 0.3, 1.0, -1.0, -0.2, -1.6, -1.0,
            -1.5, 0.1, -1.0, 0.6, 0.5, 0.1, -2.2, -0.2, 0.3, 0.4, -1.2, -0.2, -0.7, -0.5, 1.4, -0.5, 0.3, 1.2, -0.3, 0.2, 0.4, 0.4,
            -0.9, 0.4, 1.7, -1.2, 1.2, 0.4, -0.3, 2.3, 1.1, -0.9, 0.4, 0.9, 0.1, 1.0, 0.2, 1.0, 1.7, -0.4};
        assertEquals(0.3507223658625851, PairedTests.wilcoxon(a, new double[a.length]), 1e-9, "scipy wilcoxon(mode='approx', correction=True)");
    }

    @Test
    void permutationTestMatchesScipysExactEnumeration() {
        assertEquals(0.0625, PairedTests.permutation(A, B), 1e-12);
        assertEquals(0.0234375, PairedTests.permutation(TIED_A, TIED_B), 1e-12);
        assertEquals(0.25, PairedTests.permutation(new double[] {0.78, 0.79, 0.80}, new double[] {0.64, 0.66, 0.70}), 1e-12,
                "three seeds: the smallest possible p");
    }

    @Test
    void oneSeedThatFailsBadlyDoesNotFoolThePermutationTest() {
        // Eleven seeds gain 1-4 points, one loses 48: the mean difference is negative and nothing like a consistent effect.
        double[] a = {0.80, 0.81, 0.79, 0.82, 0.80, 0.30, 0.81, 0.80, 0.82, 0.79, 0.81, 0.80};
        double[] b = new double[a.length];
        java.util.Arrays.fill(b, 0.78);
        assertEquals(1.0, PairedTests.permutation(a, b), 1e-12, "scipy permutation_test of the mean");
        assertEquals(0.6859341286328895, PairedTests.pairedT(a, b), 1e-12);
    }

    @Test
    void beyondSixteenPairsTheSampledPermutationTestAgreesWithFullEnumeration() {
        SplittableRandom random = new SplittableRandom(3);
        double[] a = new double[20];
        double[] b = new double[20];
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.8 + 0.03 * random.nextGaussian() + 0.012;
            b[i] = 0.8 + 0.03 * random.nextGaussian();
        }
        double exact = enumerated(a, b);
        double sampled = PairedTests.permutation(a, b);
        double standardError = Math.sqrt(exact * (1 - exact) / SignFlipTest.RESAMPLES);
        assertEquals(exact, sampled, 4 * standardError + 1e-5, "2^20 sign assignments enumerated here");
        assertEquals(sampled, PairedTests.permutation(a, b), 0, "the sampled test is seeded: the same p every time");
    }

    @Test
    void undefinedCasesAreNaNOrOne() {
        assertTrue(Double.isNaN(PairedTests.pairedT(new double[] {0.5}, new double[] {0.4})));
        assertTrue(Double.isNaN(PairedTests.pairedT(new double[] {0.5, 0.6}, new double[] {0.4, 0.5})), "constant differences");
        assertEquals(1.0, PairedTests.wilcoxon(new double[] {0.5, 0.6}, new double[] {0.5, 0.6}), "no non-zero difference");
        assertEquals(1.0, PairedTests.permutation(new double[] {0.5, 0.6}, new double[] {0.5, 0.6}), "no non-zero difference");
        assertTrue(Double.isNaN(PairedTests.permutation(new double[] {0.5}, new double[] {0.4})));
    }

    @Test
    void holmMatchesAHandComputation() {
        // Sorted p: 0.01, 0.02, 0.04 (m = 3): 3 x 0.01 = 0.03; max(0.03, 2 x 0.02) = 0.04; max(0.04, 1 x 0.04) = 0.04.
        double[] adjusted = PairedTests.holm(new double[] {0.04, 0.01, Double.NaN, 0.02});
        assertEquals(0.04, adjusted[0], 1e-12);
        assertEquals(0.03, adjusted[1], 1e-12);
        assertTrue(Double.isNaN(adjusted[2]));
        assertEquals(0.04, adjusted[3], 1e-12);
        assertArrayEquals(new double[] {0.7}, PairedTests.holm(new double[] {0.7}), 0, "one comparison needs no correction");
    }

    /** Two-sided sign-flip p-value over all 2^n sign assignments, written out independently of SignFlipTest. */
    private static double enumerated(double[] a, double[] b) {
        int n = a.length;
        double observed = 0;
        for (int i = 0; i < n; i++) {
            observed += a[i] - b[i];
        }
        long extreme = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += ((mask >> i) & 1) == 1 ? b[i] - a[i] : a[i] - b[i];
            }
            extreme += Math.abs(sum) >= Math.abs(observed) - 1e-12 ? 1 : 0;
        }
        return (double) extreme / (1 << n);
    }
}
