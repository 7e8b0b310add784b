package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.experiments.run.CsvRows;

/** Regression and clustering studies run through the same command line, grid, results and report as classification. */
class TaskStudiesTest {
    static final String REGRESSION = """
            name: tiny-regression
            seeds: 3
            domains:
              src: {loader: synthetic, task: regression, features: 4, train-size: 300, test-size: 100, noise: 0.3}
              tgt: {loader: synthetic, task: regression, features: 4, train-size: 200, test-size: 100, noise: 0.3, shift: 0.7, sample-seed: 9}
            pairs:
              - {source: src, target: tgt}
            network: {type: mlp, hidden: [8], epochs: 5, batch-size: 32, learning-rate: 0.01}
            strategies:
              target-only: {}
              source-only: {}
              prior: {lambda: [1, 100]}
              augment: {}
            budgets:
              total: [6, 30]
            """;

    static final String CLUSTERING = """
            name: tiny-clustering
            seeds: 2
            domains:
              src: {loader: synthetic, classes: 3, features: 6, train-size: 300, test-size: 90, separation: 4}
              tgt: {loader: synthetic, task: clustering, classes: 3, features: 6, train-size: 300, test-size: 90, separation: 4, shift: 0.3, sample-seed: 9}
            pairs:
              - {source: src, target: tgt}
            network: {type: mlp, hidden: [8], epochs: 2, batch-size: 32, learning-rate: 0.01}
            strategies:
              target-only: {}
              feature-extraction: {}
              warm-start-kmeans: {}
            budgets:
              total: [60]
            """;

    @TempDir
    Path dir;

    private static int cli(StringWriter err, String... args) {
        return TransferLabCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void aRegressionStudyIsScoredByErrorsAndComparedWithTargetOnly() throws IOException {
        Path config = Files.writeString(dir.resolve("regression.yaml"), REGRESSION);
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "run", config.toString(), "--out", dir.resolve("run").toString(), "--no-cache"), err.toString());
        List<Map<String, String>> rows = CsvRows.read(dir.resolve("run/results.csv"));
        assertEquals(24, rows.size(), "4 strategies x 2 budgets x 3 seeds");
        for (Map<String, String> row : rows) {
            assertEquals("regression", row.get("task"));
            assertTrue(Double.isFinite(Double.parseDouble(row.get("rmse"))), row.toString());
            assertTrue(row.containsKey("mae") && row.containsKey("r2") && row.containsKey("val_r2"), row.keySet().toString());
            assertFalse(row.containsKey("accuracy"), "regression rows have no accuracy column");
        }
        // Candidates are chosen on validation R²; a one-row validation split has no R², so its squared error decides.
        rows.stream().filter(r -> r.get("strategy").equals("prior"))
                .forEach(r -> assertEquals(r.get("budget").equals("30") ? "validation R²" : "validation loss", r.get("selected_by")));
        String report = Files.readString(dir.resolve("run/report.md"));
        assertTrue(report.contains("## Test rmse against the no-transfer baseline"), report);
        assertTrue(report.contains("Lower rmse is better, so a gain from transfer is a negative Δ."), report);
        assertTrue(report.contains("| budget | strategy | rmse | sd | 95% CI | Δ vs baseline"), report);
        assertTrue(report.contains("#### r2"), report);
        assertTrue(Files.isRegularFile(dir.resolve("run/plots/budget-src-to-tgt.png")), "the budget curve is drawn");
    }

    @Test
    void aClusteringStudyNeverShowsLabelsToTheStrategiesAndReportsNmi() throws IOException {
        Path config = Files.writeString(dir.resolve("clustering.yaml"), CLUSTERING);
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "run", config.toString(), "--out", dir.resolve("run").toString(), "--no-cache"), err.toString());
        List<Map<String, String>> rows = CsvRows.read(dir.resolve("run/results.csv"));
        assertEquals(6, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals("clustering", row.get("task"));
            double nmi = Double.parseDouble(row.get("nmi"));
            assertTrue(nmi >= 0 && nmi <= 1, row.toString());
            assertTrue(row.containsKey("ami") && row.containsKey("ari"));
        }
        double raw = rows.stream().filter(r -> r.get("strategy").equals("target-only"))
                .mapToDouble(r -> Double.parseDouble(r.get("nmi"))).average().orElseThrow();
        assertTrue(raw > 0.8, "separated synthetic classes cluster well in raw space: NMI " + raw);
        String report = Files.readString(dir.resolve("run/report.md"));
        assertTrue(report.contains("## Test nmi against the no-transfer baseline"), report);
        assertTrue(report.contains("Clusterings are fitted without labels"), report);
    }

    @Test
    void aClusteringBudgetPerClassIsRefusedBeforeAnythingRuns() throws IOException {
        Path config = Files.writeString(dir.resolve("clustering.yaml"), CLUSTERING.replace("total: [60]", "per-class: [20]"));
        StringWriter err = new StringWriter();
        int code = cli(err, "run", config.toString(), "--out", dir.resolve("run").toString(), "--no-cache");
        assertEquals(TransferLabCommand.USER_ERROR, code, err.toString());
        assertTrue(err.toString().contains("is per class, but domain 'tgt' is a clustering domain; use a total budget"), err.toString());
        assertFalse(Files.exists(dir.resolve("run/results.csv")));
    }
}
