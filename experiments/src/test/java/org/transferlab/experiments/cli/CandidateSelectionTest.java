package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.experiments.run.CandidateRecord;
import org.transferlab.experiments.run.CsvRows;

/**
 * Fair hyperparameters: with a list of learning rates, each cell keeps the candidate that the label
 * budget's validation split prefers. Checked against running each candidate on its own: the chosen
 * cell must match the single run with the higher validation accuracy, whatever its test accuracy.
 */
class CandidateSelectionTest {
    @TempDir
    Path dir;

    private static final String CONFIG = EndToEndTest.SYNTHETIC
            .replace("  target-only: {max-epochs: 4, patience: 2}\n", "")
            .replace("  feature-extraction: {max-epochs: 4, patience: 2}\n", "");

    private List<Map<String, String>> run(String name, String learningRate) throws Exception {
        return run(name, learningRate, "");
    }

    private List<Map<String, String>> run(String name, String learningRate, String selection) throws Exception {
        Path config = Files.writeString(dir.resolve(name + ".yaml"), selection + CONFIG.replace("fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}",
                        "fine-tuning: {max-epochs: 4, patience: 2, learning-rate: " + learningRate + "}"));
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"run", config.toString(), "--out", dir.resolve(name).toString(),
            "--data-dir", dir.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return CsvRows.read(dir.resolve(name).resolve("results.csv"));
    }

    @Test
    void eachCellKeepsTheCandidateWithTheBestValidationScore() throws Exception {
        List<Map<String, String>> searched = run("searched", "[0.0003, 0.05]");
        List<Map<String, String>> low = run("low", "0.0003");
        List<Map<String, String>> high = run("high", "0.05");
        assertEquals(4, searched.size());
        for (int i = 0; i < searched.size(); i++) {
            Map<String, String> cell = searched.get(i);
            assertEquals("2", cell.get("candidates"));
            assertEquals("validation accuracy", cell.get("selected_by"));
            double lowValidation = Double.parseDouble(low.get(i).get("val_accuracy"));
            double highValidation = Double.parseDouble(high.get(i).get("val_accuracy"));
            boolean lowWins = lowValidation > highValidation || (lowValidation == highValidation
                    && Double.parseDouble(low.get(i).get("val_loss")) <= Double.parseDouble(high.get(i).get("val_loss")));
            Map<String, String> expected = lowWins ? low.get(i) : high.get(i);
            assertEquals(expected.get("strategy_parameters"), cell.get("strategy_parameters"), "cell " + i);
            assertEquals(expected.get("accuracy"), cell.get("accuracy"), "the kept model is the chosen candidate's");
        }
        String report = Files.readString(dir.resolve("searched/report.md"));
        assertTrue(report.contains("2 candidates searched in every cell"), report);
        List<CandidateRecord> records = CandidateRecord.read(dir.resolve("searched").resolve(CandidateRecord.FILE));
        assertEquals(8, records.size(), "two candidates of each of the four cells");
        for (int i = 0; i < searched.size(); i++) {
            String id = searched.get(i).get("cell_id");
            List<CandidateRecord> cell = records.stream().filter(r -> r.cellId().equals(id)).toList();
            assertEquals(2, cell.size());
            CandidateRecord kept = cell.stream().filter(CandidateRecord::kept).findFirst().orElseThrow();
            assertEquals(Double.parseDouble(searched.get(i).get("accuracy")), kept.test(), 1e-5, "the kept candidate's test score is the cell's");
            assertEquals(Double.parseDouble(low.get(i).get("accuracy")), cell.get(0).test(), 1e-5,
                    "a candidate's test score is what it scores when run alone");
            assertEquals(Double.parseDouble(high.get(i).get("accuracy")), cell.get(1).test(), 1e-5);
            assertEquals(Set.of("dev", "entropy", "iwcv", "snd", "source-validation"), cell.get(0).validators().keySet());
            cell.forEach(r -> r.validators().forEach((name, score) -> assertFalse(Double.isNaN(score),
                    name + " scores a network on a pair whose source has the target's classes")));
        }
        assertTrue(report.contains("## Choosing among candidates"), report);
        assertTrue(report.contains("| src → tgt | 5/class | target-validation | 2 |"), report);
    }

    @Test
    void aStudyThatNamesAValidatorKeepsTheCandidateItScoresHighest() throws Exception {
        for (String validator : List.of("entropy", "iwcv")) {
            List<Map<String, String>> searched = run(validator, "[0.0003, 0.05]", "selection: " + validator + "\n");
            List<CandidateRecord> records = CandidateRecord.read(dir.resolve(validator).resolve(CandidateRecord.FILE));
            for (Map<String, String> row : searched) {
                assertEquals(validator + " (no target label)", row.get("selected_by"));
                List<CandidateRecord> cell = records.stream().filter(r -> r.cellId().equals(row.get("cell_id"))).toList();
                CandidateRecord best = cell.get(0).validators().get(validator) >= cell.get(1).validators().get(validator)
                        ? cell.get(0) : cell.get(1);
                assertTrue(best.kept(), validator + " keeps its highest-scored candidate: " + cell);
                assertEquals(best.parameters(), row.get("strategy_parameters"));
                assertEquals(Double.parseDouble(row.get("accuracy")), best.test(), 1e-5);
            }
        }
    }

    @Test
    void aValidatorOfTheSourceThatCannotScoreLeavesTheChoiceToTheValidationSplitAndSaysWhy() throws Exception {
        String config = """
                name: alone
                seeds: 1
                selection: source-validation
                domains:
                  tgt: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90}
                pairs:
                  - {target: tgt}
                network: {type: mlp, hidden: [8], epochs: 1, batch-size: 32, learning-rate: 0.01}
                strategies:
                  target-only: {max-epochs: 4, patience: 2, learning-rate: [0.0003, 0.05]}
                budgets:
                  per-class: [5]
                """;
        Path file = Files.writeString(dir.resolve("same.yaml"), config);
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"run", file.toString(), "--out", dir.resolve("same").toString(),
            "--data-dir", dir.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        for (Map<String, String> row : CsvRows.read(dir.resolve("same/results.csv"))) {
            assertEquals("source-validation could not score (the pair has no source domain); validation accuracy",
                    row.get("selected_by"));
        }
    }

    @Test
    void withoutATargetValidationSplitTheSourceScoreAStrategyValidatedOnIsNamedAndNotRecordedAsTheTargets() throws Exception {
        String config = """
                name: no-split
                seeds: 1
                domains:
                  src: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90}
                  tgt: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90, shift: 0.5, sample-seed: 9}
                pairs:
                  - {source: src, target: tgt}
                network: {type: mlp, hidden: [8], epochs: 1, batch-size: 32, learning-rate: 0.01}
                strategies:
                  mmd: {trade-off: [0.1, 10], max-epochs: 2, patience: 1, source-examples: 100}
                budgets:
                  per-class: [1]
                """;
        Path file = Files.writeString(dir.resolve("no-split.yaml"), config);
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"run", file.toString(), "--out", dir.resolve("no-split").toString(),
            "--data-dir", dir.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        Map<String, String> row = CsvRows.read(dir.resolve("no-split/results.csv")).get(0);
        assertEquals("0", row.get("validation_size"));
        assertEquals("validation accuracy on the strategy's held-out source examples (no target validation split)",
                row.get("selected_by"));
        for (CandidateRecord record : CandidateRecord.read(dir.resolve("no-split").resolve(CandidateRecord.FILE))) {
            assertTrue(Double.isNaN(record.validation()), "a source score is not the target's validation: " + record);
        }
    }
}
