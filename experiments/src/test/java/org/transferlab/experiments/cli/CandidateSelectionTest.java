package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        Path config = Files.writeString(dir.resolve(name + ".yaml"),
                CONFIG.replace("fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}",
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
    }
}
