package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {
    private static Map<String, String> row(String strategy, int seed, double accuracy) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("source", "s");
        row.put("target", "t");
        row.put("strategy", strategy);
        row.put("budget", "5");
        row.put("budget_kind", "per-class");
        row.put("seed", Integer.toString(seed));
        row.put("accuracy", Double.toString(accuracy));
        return row;
    }

    @Test
    void aStrategySignificantlyWorseThanTheBaselineIsFlaggedAsNegativeTransfer() {
        List<Map<String, String>> rows = new ArrayList<>();
        double[] baseline = {0.80, 0.82, 0.81, 0.79, 0.83};
        for (int seed = 0; seed < 5; seed++) {
            rows.add(row("target-only", seed, baseline[seed]));
            rows.add(row("hurting", seed, baseline[seed] - 0.10 - 0.001 * seed));
            rows.add(row("neutral", seed, baseline[seed] + (seed % 2 == 0 ? 0.01 : -0.012)));
        }
        ComparisonTable table = ComparisonTable.of(rows, "accuracy");
        ComparisonTable.Line target = table.lines().get(0);
        ComparisonTable.Line hurting = table.lines().get(1);
        ComparisonTable.Line neutral = table.lines().get(2);
        assertNull(target.delta());
        assertEquals(-0.102, hurting.delta().mean(), 1e-9);
        assertTrue(hurting.negativeTransfer(), "p (Holm) = " + hurting.pValueHolm());
        assertFalse(neutral.negativeTransfer() || neutral.positiveTransfer());
        assertTrue(table.markdown().contains("**worse: negative transfer**"));
        assertTrue(hurting.pValueHolm() >= hurting.pValueT(), "the correction never lowers a p-value");
        assertEquals(0, target.overfitting().judged(), "rows without a validation split are not judged");
    }

    @Test
    void forAnErrorMetricAHigherValueIsNegativeTransfer() {
        List<Map<String, String>> rows = new ArrayList<>();
        double[] baseline = {3.1, 2.9, 3.3, 3.0, 3.2};
        for (int seed = 0; seed < 5; seed++) {
            Map<String, String> target = row("target-only", seed, 0);
            target.put("rmse", Double.toString(baseline[seed]));
            Map<String, String> worse = row("source-only", seed, 0);
            worse.put("rmse", Double.toString(baseline[seed] + 1.0 + 0.01 * seed));
            Map<String, String> better = row("prior", seed, 0);
            better.put("rmse", Double.toString(baseline[seed] - 0.8 - 0.01 * seed));
            rows.addAll(List.of(target, worse, better));
        }
        ComparisonTable table = ComparisonTable.of(rows, "rmse");
        assertTrue(table.lines().get(1).negativeTransfer(), "a higher RMSE than target-only is worse");
        assertTrue(table.lines().get(2).positiveTransfer(), "a lower RMSE is better");
        assertEquals(-0.82, table.lines().get(2).delta().mean(), 1e-9);
    }

    @Test
    void aVariantIsComparedWithTheMatchingTargetOnlyVariant() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int seed = 0; seed < 5; seed++) {
            rows.add(row("target-only", seed, 0.50 + 0.01 * seed));
            rows.add(row("target-only@hdbscan", seed, 0.30 + 0.01 * seed));
            rows.add(row("feature-extraction@hdbscan", seed, 0.32 + 0.01 * seed));
            rows.add(row("feature-extraction@pca", seed, 0.40 + 0.01 * seed));
        }
        List<ComparisonTable.Line> lines = ComparisonTable.of(rows, "accuracy").lines();
        assertNull(lines.get(1).delta(), "target-only@hdbscan is a baseline, not a competitor");
        assertEquals(0.02, lines.get(2).delta().mean(), 1e-9, "HDBSCAN on embeddings against HDBSCAN on raw features");
        assertEquals(-0.10, lines.get(3).delta().mean(), 1e-9, "no target-only@pca: compared with target-only");
    }

    @Test
    void overfittingIsTheMeanGapAndTheCountOfFlaggedSeeds() {
        List<Map<String, String>> rows = new ArrayList<>();
        double[] gaps = {0.05, 0.30, 0.25};
        for (int seed = 0; seed < 3; seed++) {
            Map<String, String> r = row("target-only", seed, 0.8);
            r.put("gap", Double.toString(gaps[seed]));
            r.put("overfit", Boolean.toString(gaps[seed] > 0.15));
            rows.add(r);
        }
        ComparisonTable.Overfitting overfitting = ComparisonTable.of(rows, "accuracy").lines().get(0).overfitting();
        assertEquals(0.2, overfitting.meanGap(), 1e-12);
        assertEquals(2, overfitting.flagged());
        assertEquals(3, overfitting.judged());
        assertTrue(ComparisonTable.of(rows, "accuracy").markdown().contains("| +0.2000 | 2 of 3 |"));
    }
}
