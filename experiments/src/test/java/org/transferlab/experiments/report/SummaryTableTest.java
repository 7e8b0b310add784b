package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
    @Test
    void eachCellIsTheMeanWithTheDifferenceAndTheVerdictWhereSignificant() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int seed = 0; seed < 8; seed++) {
            rows.add(row("target-only", seed, 0.80 + 0.01 * (seed % 3)));
            rows.add(row("hurting", seed, 0.70 + 0.01 * (seed % 3)));
            rows.add(row("neutral", seed, 0.80 + (seed % 2 == 0 ? 0.01 : -0.01) + 0.01 * (seed % 3)));
        }
        String expected = """
                | pair | budget | target-only | hurting | neutral |
                |---|---|---:|---:|---:|
                | s → t | 5/class | 0.8088 | 0.7088 (-0.1000, worse) | 0.8088 (+0.0000) |
                """;
        assertEquals(expected, SummaryTable.markdown(ComparisonTable.of(rows, "accuracy")));
    }

    @Test
    void columnsFollowTheStrategiesOrderEvenWhenTheFirstRowLacksSome() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String budget : List.of("1", "5")) {
            for (String strategy : List.of("target-only", "source-only", "fine-tuning", "coral")) {
                if (budget.equals("1") && strategy.endsWith("only") && !strategy.equals("target-only")) {
                    continue;
                }
                Map<String, String> r = row(strategy, 0, 0.5);
                r.put("budget", budget);
                rows.add(r);
            }
        }
        String header = SummaryTable.markdown(ComparisonTable.of(rows, "accuracy")).lines().findFirst().orElseThrow();
        assertEquals("| pair | budget | target-only | source-only | fine-tuning | coral |", header);
    }

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
}
