package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.run.ForecastRunner;
import org.transferlab.experiments.run.ResultFixtures;
import org.transferlab.experiments.run.StoredResult;

class ForecastTableTest {
    @TempDir
    Path dir;

    private static StoredResult row(String target, String strategy, int seed, double accuracy) {
        return ResultFixtures.result().pair("s", target).strategy(strategy).budget(LabelBudget.perClass(5)).seed(seed)
                .metric("accuracy", accuracy).build();
    }

    private static ForecastRunner.Row forecast(String target, String score, boolean higherIsBetter, double value, int helping) {
        return new ForecastRunner.Row("s", target, "5/class", score, higherIsBetter, value, 0, helping, 3, "rule");
    }

    /** Target "up": transfer gains (best: fine-tuning, +0.10); target "down": it loses (best: pooled, -0.02). */
    private static List<StoredResult> results() {
        List<StoredResult> rows = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            rows.add(row("up", "target-only", seed, 0.60));
            rows.add(row("up", "fine-tuning", seed, 0.70));
            rows.add(row("up", "pooled", seed, 0.65));
            rows.add(row("down", "target-only", seed, 0.80));
            rows.add(row("down", "fine-tuning", seed, 0.75));
            rows.add(row("down", "pooled", seed, 0.78));
        }
        return rows;
    }

    @Test
    void aForecastIsRightWhenItsVerdictMatchesTheSignOfTheBestTransferGain() {
        List<ForecastRunner.Row> forecasts = List.of(
                forecast("up", "logme", true, -0.1, 3), forecast("down", "logme", true, -0.5, 1),
                forecast("up", "proxy-a-distance", false, 1.5, 0), forecast("down", "proxy-a-distance", false, 0.5, 2));
        String md = ForecastTable.markdown(forecasts, results(), "accuracy", 1, Baselines.byName());

        assertTrue(md.contains("| s → up | 5/class | fine-tuning | +0.1000 | logme | -0.1000 | helps | yes |"), md);
        assertTrue(md.contains("| s → down | 5/class | pooled | -0.0200 | logme | -0.5000 | does not help | yes |"), md);
        assertTrue(md.contains("| s → up | 5/class | fine-tuning | +0.1000 | proxy-a-distance | 1.5000 | does not help | **no** |"), md);
        assertTrue(md.contains("| s → down | 5/class | pooled | -0.0200 | proxy-a-distance | 0.5000 | helps | **no** |"), md);
        assertTrue(md.contains("| logme | 2 of 2 |  |  |"), "two points give no rank correlation:\n" + md);
        assertTrue(md.contains("| proxy-a-distance | 0 of 2 |"), md);
    }

    @Test
    void theRankCorrelationNegatesADistanceSoThatHigherAlwaysForecastsMoreGain() {
        List<StoredResult> rows = new ArrayList<>(results());
        for (int seed = 0; seed < 3; seed++) {
            rows.add(row("flat", "target-only", seed, 0.50));
            rows.add(row("flat", "fine-tuning", seed, 0.53));
        }
        // Gains: up +0.10, flat +0.03, down -0.02. A distance that is smallest where the gain is largest ranks them right.
        List<ForecastRunner.Row> forecasts = List.of(forecast("up", "linear-mmd", false, 1, 3),
                forecast("flat", "linear-mmd", false, 2, 3), forecast("down", "linear-mmd", false, 3, 0),
                forecast("up", "leep", true, 1, 3), forecast("flat", "leep", true, 2, 3), forecast("down", "leep", true, 3, 0));
        String md = ForecastTable.markdown(forecasts, rows, "accuracy", 1, Baselines.byName());
        assertTrue(md.contains("| linear-mmd | 3 of 3 | +1.00 | +1.00 |"), md);
        assertTrue(md.contains("| leep | 3 of 3 | -1.00 | -1.00 |"), "right verdicts, wrong ranking:\n" + md);
    }

    @Test
    void forecastsSurviveTheirCsvAndABadRowNamesItsLine() throws Exception {
        List<ForecastRunner.Row> forecasts = List.of(forecast("up", "logme", true, -0.1234567, 3),
                new ForecastRunner.Row("s", "up", "0/class", "leep", true, Double.NaN, Double.NaN, 0, 0, "needs target labels"));
        Files.writeString(dir.resolve(ForecastTable.FILE), ForecastTable.csv(forecasts));
        assertEquals(forecasts.toString(), ForecastTable.read(dir).toString());

        Files.writeString(dir.resolve(ForecastTable.FILE), ForecastTable.csv(forecasts).replace("-0.1234567", "abc"));
        var error = org.junit.jupiter.api.Assertions.assertThrows(org.transferlab.core.TransferLabException.class,
                () -> ForecastTable.read(dir));
        assertTrue(error.getMessage().contains(ForecastTable.FILE + ":2: not a forecast row"), error.getMessage());
    }
}
