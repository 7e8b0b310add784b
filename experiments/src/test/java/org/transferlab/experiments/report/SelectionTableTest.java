package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.run.CandidateRecord;
import org.transferlab.experiments.run.ResultFixtures;
import org.transferlab.experiments.run.StoredResult;

/** The report's selection table, from candidate records whose choices and correlations are worked out by hand. */
class SelectionTableTest {
    @TempDir
    Path dir;

    private static StoredResult row(String id, int seed) {
        return ResultFixtures.result().cellId(id).pair("s", "t").strategy("mmd").budget(LabelBudget.perClass(1)).seed(seed)
                .metric("accuracy", 0.5).build();
    }

    private static CandidateRecord candidate(String cell, int index, double validation, double entropy, double test) {
        return new CandidateRecord(cell, index, "Parameters[lambda=" + index + "]", index == 1, validation,
                Map.of("entropy", entropy, "iwcv", Double.NaN), test);
    }

    /**
     * Cell a: tests 0.60, 0.70, 0.65; validation picks 2 (0.70), entropy picks 3 (0.65). Cell b: tests 0.80, 0.70, 0.75;
     * validation picks 1 (0.80), entropy picks 2 (0.70). iwcv scores nothing.
     */
    private static List<CandidateRecord> records() {
        return List.of(candidate("a", 1, 0.5, -3, 0.60), candidate("a", 2, 0.9, -2, 0.70), candidate("a", 3, 0.7, -1, 0.65),
                candidate("b", 1, 0.9, -3, 0.80), candidate("b", 2, 0.5, -1, 0.70), candidate("b", 3, 0.7, -2, 0.75));
    }

    @Test
    void eachRuleIsSetAgainstTheFirstCandidateAndTheOracle() throws Exception {
        Files.writeString(dir.resolve(CandidateRecord.FILE), CandidateRecord.csv(records()));
        Map<String, List<CandidateRecord>> byCell = SelectionTable.read(dir);
        assertEquals(List.of("a", "b"), List.copyOf(byCell.keySet()), "read back as written");
        String table = SelectionTable.markdown(List.of(row("a", 0), row("b", 1)), byCell, "accuracy", 1);
        // Validation: mean of 0.70 and 0.80 = 0.75; first: 0.70, so +0.05; oracle 0.75, so +0.00; better in a, tied in b.
        // Spearman over a: validation (0.5, 0.9, 0.7) vs tests (0.60, 0.70, 0.65) is +1; over b, (0.9, 0.5, 0.7) vs
        // (0.80, 0.70, 0.75) is +1 too.
        assertTrue(table.contains("| s → t | 1/class | target-validation | 2 | 0.7500 | +0.0500 | +0.0000 | 1 / 0 | +1.00 | +1.00 |"), table);
        // Entropy: 0.65 and 0.70 = 0.675, 0.025 below the first candidate's 0.70 and 0.075 below the oracle. Ranks in
        // a: (-3, -2, -1) vs (0.60, 0.70, 0.65): ρ = 0.5, τ = 1/3; in b: (-3, -1, -2) vs (0.80, 0.70, 0.75): ρ = -1, τ = -1.
        assertTrue(table.contains("| s → t | 1/class | entropy | 2 | 0.6750 | **-0.0250 (worse than the first candidate)** | "
                + "-0.0750 | 1 / 1 | -0.25 | -0.33 |"), table);
        assertTrue(table.contains("| s → t | 1/class | iwcv | 0 | | | | | | |"), "a rule that scored nothing says so: " + table);
    }

    @Test
    void lowerIsBetterTurnsTheComparisonsAround() {
        Map<String, List<CandidateRecord>> byCell = Map.of("a", List.of(candidate("a", 1, 0.9, -1, 2.0),
                candidate("a", 2, 0.5, -2, 3.0)));
        String table = SelectionTable.markdown(List.of(row("a", 0)), byCell, "rmse", -1);
        // Validation keeps candidate 1 (rmse 2.0), the best; entropy keeps 1 too (-1 > -2).
        assertTrue(table.contains("| s → t | 1/class | target-validation | 1 | 2.0000 | +0.0000 | +0.0000 | 0 / 0 | +1.00 | +1.00 |"), table);
    }

    @Test
    void noCellWithSeveralCandidatesMeansNoSection() {
        assertEquals("", SelectionTable.markdown(List.of(row("a", 0)), Map.of(), "accuracy", 1));
    }
}
