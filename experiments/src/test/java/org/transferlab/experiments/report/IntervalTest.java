package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void matchesTheStudentTIntervalByHand() {
        // Values 1, 2, 3: mean 2, s = 1, t(0.975, 2) = 4.302653 (standard tables), half-width 4.302653 / sqrt(3).
        Interval interval = Interval.of(List.of(1.0, 2.0, 3.0));
        double half = 4.302652729911275 / Math.sqrt(3);
        assertEquals(2.0, interval.mean(), 1e-12);
        assertEquals(2.0 - half, interval.low(), 1e-9);
        assertEquals(2.0 + half, interval.high(), 1e-9);
        assertFalse(interval.positive());
    }

    @Test
    void oneValueHasNoInterval() {
        Interval interval = Interval.of(List.of(0.5));
        assertEquals(0.5, interval.mean());
        assertFalse(interval.defined());
        assertFalse(interval.positive() || interval.negative());
    }

    @Test
    void signsAreOnlyClaimedWhenTheIntervalExcludesZero() {
        assertTrue(Interval.of(List.of(0.10, 0.11, 0.12)).positive());
        assertTrue(Interval.of(List.of(-0.10, -0.11, -0.12)).negative());
        assertFalse(Interval.of(List.of(-0.1, 0.1, 0.05)).positive());
    }
}
