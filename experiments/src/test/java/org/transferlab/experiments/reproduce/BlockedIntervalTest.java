package org.transferlab.experiments.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlab.experiments.report.Interval;

/**
 * Expected values from scipy 1.10: the block means m, m.mean(), m.std(ddof=1) / sqrt(S),
 * stats.t.ppf(0.975, S - 1) and 2 * stats.t.sf(|t|, S - 1); the naive interval from stats.t.interval over
 * all differences as if independent.
 */
class BlockedIntervalTest {
    private static Map<String, List<Double>> blocks(double[]... values) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put("split " + i, java.util.Arrays.stream(values[i]).boxed().toList());
        }
        return out;
    }

    @Test
    void twoSplitsGiveOneDegreeOfFreedomAndAWideInterval() {
        // Block means 0.02 and 0.06: mean 0.04, se 0.02, t(0.975, 1) = 12.706204736, p = 0.295167235.
        BlockedInterval d = BlockedInterval.of(blocks(new double[] {0.01, 0.03}, new double[] {0.05, 0.07}));
        assertEquals(2, d.blocks());
        assertEquals(4, d.repetitions());
        assertEquals(List.of(0.02, 0.06), d.blockMeans().stream().map(m -> Math.round(m * 1e9) / 1e9).toList());
        assertEquals(1, d.df());
        assertEquals(0.04, d.mean(), 1e-12);
        assertEquals(0.02, d.standardError(), 1e-12);
        assertEquals(-0.214124094729, d.low(), 1e-9);
        assertEquals(0.294124094729, d.high(), 1e-9);
        assertEquals(0.295167235301, d.p(), 1e-9);
        assertFalse(d.positive());
        // The same four differences as independent pairs: [-0.0011, 0.0811] (3 df) — narrower, and wrongly so.
        Interval naive = Interval.of(List.of(0.01, 0.03, 0.05, 0.07));
        assertTrue(naive.high() - naive.low() < (d.high() - d.low()) / 2);
    }

    @Test
    void threeConsistentSplitsShowAnEffectThatSixIndependentPairsWouldOverstate() {
        // Block means 0.02, 0.03, 0.04: mean 0.03, se 0.005773502692, t(0.975, 2) = 4.302652730,
        // interval [0.005158622882, 0.054841377118], p = 0.035098718646. Naive (9 pairs): p = 8.0e-05.
        BlockedInterval d = BlockedInterval.of(blocks(new double[] {0.01, 0.02, 0.03}, new double[] {0.02, 0.03, 0.04},
                new double[] {0.03, 0.04, 0.05}));
        assertEquals(2, d.df());
        assertEquals(0.005773502692, d.standardError(), 1e-11);
        assertEquals(0.005158622882, d.low(), 1e-9);
        assertEquals(0.054841377118, d.high(), 1e-9);
        assertEquals(0.035098718646, d.p(), 1e-9);
        assertTrue(d.positive());
        assertFalse(d.negative());
    }

    @Test
    void everyBlockWeighsTheSameWhateverItsSize() {
        // Means 0.0 and 0.1 whatever the counts: the mean is 0.05, not the pooled 0.075.
        BlockedInterval d = BlockedInterval.of(blocks(new double[] {0.0}, new double[] {0.1, 0.1, 0.1}));
        assertEquals(0.05, d.mean(), 1e-12);
    }

    @Test
    void oneBlockOrAnEmptyBlockLeavesTheIntervalUndefined() {
        BlockedInterval one = BlockedInterval.of(blocks(new double[] {0.01, 0.02, 0.03}));
        assertEquals(0.02, one.mean(), 1e-12);
        assertFalse(one.defined());
        assertFalse(one.positive() || one.negative());
        assertTrue(Double.isNaN(one.p()));
        BlockedInterval empty = BlockedInterval.of(blocks(new double[] {0.01}, new double[] {}));
        assertFalse(empty.defined());
        assertTrue(Double.isNaN(empty.mean()));
    }

    @Test
    void blocksWithEqualMeansGiveAPointInterval() {
        BlockedInterval d = BlockedInterval.of(blocks(new double[] {0.01, 0.03}, new double[] {0.02, 0.02}));
        assertEquals(0, d.standardError(), 0);
        assertEquals(0.02, d.low(), 1e-12);
        assertEquals(0.02, d.high(), 1e-12);
        assertTrue(d.positive());
        assertEquals(0, d.p(), 0);
        assertTrue(Double.isNaN(BlockedInterval.of(blocks(new double[] {0}, new double[] {0})).p()));
    }
}
