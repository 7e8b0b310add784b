package org.transferlab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    @Test
    void accuracyAndMacroF1MatchAHandCount() {
        // truth:     a a a b b c
        // predicted: a a b b c c
        // a: tp 2 fp 0 fn 1 -> F1 0.8; b: tp 1 fp 1 fn 1 -> 0.5; c: tp 1 fp 1 fn 0 -> 2/3.
        Map<String, Double> metrics = ClassificationMetrics.score(new int[] {0, 0, 0, 1, 1, 2},
                new int[] {0, 0, 1, 1, 2, 2}, List.of("a", "b", "c"));
        assertEquals(4.0 / 6, metrics.get(ClassificationMetrics.ACCURACY), 1e-12);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, metrics.get(ClassificationMetrics.MACRO_F1), 1e-12);
    }

    @Test
    void aClassNeverPredictedOrPresentStillCountsInTheMacroAverage() {
        Map<String, Double> metrics = ClassificationMetrics.score(new int[] {0, 1}, new int[] {0, 1}, List.of("a", "b", "c"));
        assertEquals(1.0, metrics.get(ClassificationMetrics.ACCURACY), 1e-12);
        assertEquals(2.0 / 3, metrics.get(ClassificationMetrics.MACRO_F1), 1e-12);
    }
}
