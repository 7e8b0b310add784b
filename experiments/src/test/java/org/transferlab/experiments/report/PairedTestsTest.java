package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected p-values from scipy 1.10.1 (Debian python3-scipy): stats.ttest_rel and stats.wilcoxon. */
class PairedTestsTest {
    private static final double[] A = {0.81, 0.79, 0.84, 0.80, 0.83};
    private static final double[] B = {0.76, 0.78, 0.79, 0.77, 0.80};

    @Test
    void pairedTMatchesScipy() {
        assertEquals(0.01046966928961523, PairedTests.pairedT(A, B), 1e-12);
        assertEquals(0.009362827686918023, PairedTests.pairedT(new double[] {0.78, 0.79, 0.80}, new double[] {0.64, 0.66, 0.70}), 1e-12);
    }

    @Test
    void wilcoxonMatchesScipysExactTest() {
        assertEquals(0.0625, PairedTests.wilcoxon(A, B), 1e-12);
        assertEquals(0.25, PairedTests.wilcoxon(new double[] {0.78, 0.79, 0.80}, new double[] {0.64, 0.66, 0.70}), 1e-12);
    }

    @Test
    void undefinedCasesAreNaNOrOne() {
        assertTrue(Double.isNaN(PairedTests.pairedT(new double[] {0.5}, new double[] {0.4})));
        assertTrue(Double.isNaN(PairedTests.pairedT(new double[] {0.5, 0.6}, new double[] {0.4, 0.5})), "constant differences");
        assertEquals(1.0, PairedTests.wilcoxon(new double[] {0.5, 0.6}, new double[] {0.5, 0.6}), "no non-zero difference");
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
}
