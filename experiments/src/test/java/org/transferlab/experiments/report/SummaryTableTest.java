package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.run.ResultFixtures;
import org.transferlab.experiments.run.StoredResult;

class SummaryTableTest {
    @Test
    void eachCellIsTheMeanWithTheDifferenceAndTheVerdictWhereSignificant() {
        List<StoredResult> rows = new ArrayList<>();
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
        List<StoredResult> rows = new ArrayList<>();
        for (String budget : List.of("1", "5")) {
            for (String strategy : List.of("target-only", "source-only", "fine-tuning", "coral")) {
                if (budget.equals("1") && strategy.endsWith("only") && !strategy.equals("target-only")) {
                    continue;
                }
                rows.add(ResultFixtures.result().strategy(strategy).budget(LabelBudget.perClass(Integer.parseInt(budget)))
                        .metric("accuracy", 0.5).build());
            }
        }
        String header = SummaryTable.markdown(ComparisonTable.of(rows, "accuracy")).lines().findFirst().orElseThrow();
        assertEquals("| pair | budget | target-only | source-only | fine-tuning | coral |", header);
    }

    private static StoredResult row(String strategy, int seed, double accuracy) {
        return ResultFixtures.of(strategy, seed, "accuracy", accuracy);
    }
}
