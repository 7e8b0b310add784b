package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.experiments.run.CsvRows;

/** The long form on a small synthetic study ({@link PaperFormatsFixture}): one row per pair, budget, strategy and metric. */
class LongResultsTest {
    @TempDir
    Path dir;

    private List<Map<String, String>> rows() throws IOException {
        String csv = LongResults.csv(PaperFormatsFixture.config(), PaperFormatsFixture.results());
        assertEquals(String.join(",", LongResults.COLUMNS), csv.lines().findFirst().orElseThrow());
        return CsvRows.read(Files.writeString(dir.resolve("results-long.csv"), csv));
    }

    @Test
    void oneRowPerStrategyBudgetAndMetric() throws IOException {
        List<Map<String, String>> rows = rows();
        assertEquals(PaperFormatsFixture.STRATEGIES.size() * PaperFormatsFixture.BUDGETS.size() * 2, rows.size());
        Set<List<String>> keys = new HashSet<>();
        rows.forEach(r -> keys.add(List.of(r.get("source"), r.get("target"), r.get("budget"), r.get("strategy"), r.get("metric"))));
        assertEquals(rows.size(), keys.size(), "no row twice");
        for (Map<String, String> row : rows) {
            assertEquals("paper_study", row.get("study"));
            assertEquals("per-class", row.get("budget_kind"));
            assertEquals("8", row.get("seeds"));
            assertEquals("true", row.get("higher_is_better"));
            Double.parseDouble(row.get("mean"));
        }
    }

    @Test
    void rolesComparisonsAndVerdicts() throws IOException {
        Map<String, Map<String, String>> accuracyAt2 = new java.util.HashMap<>();
        rows().stream().filter(r -> r.get("metric").equals("accuracy") && r.get("budget").equals("2"))
                .forEach(r -> accuracyAt2.put(r.get("strategy"), r));
        Map<String, String> baseline = accuracyAt2.get("target-only");
        assertEquals("baseline", baseline.get("role"));
        assertEquals("", baseline.get("delta"), "a baseline has no difference");
        assertEquals("", baseline.get("verdict"));
        Map<String, String> worse = accuracyAt2.get("feature-extraction");
        assertEquals("compared", worse.get("role"));
        assertEquals("target-only", worse.get("baseline"));
        assertEquals("worse", worse.get("verdict"));
        assertEquals("permutation", worse.get("verdict_test"));
        assertEquals("pair-and-budget", worse.get("holm_family"));
        assertEquals("2", worse.get("family_size"));
        assertEquals(2 * 2.0 / 256, Double.parseDouble(worse.get("p_holm")), 1e-15, "eight seeds all worse, Holm over two");
        assertTrue(Double.parseDouble(worse.get("delta_ci_high")) < 0, worse.toString());
        Map<String, String> oracle = accuracyAt2.get("oracle");
        assertEquals("reference", oracle.get("role"));
        assertEquals("", oracle.get("p_holm"), "the oracle is not compared");
        assertEquals(0.95 + 0.002 * 7 / 8, Double.parseDouble(oracle.get("mean")), 1e-12);
    }
}
