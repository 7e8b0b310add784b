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
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.experiments.run.CsvRows;

/**
 * The classical models of the baselines ({@code model: logistic | xgboost}) in a study. Bad input, in the style of
 * {@link BadInputCorpusTest}: a config that names a model wrongly, gives it a parameter it cannot have or gives a
 * model to a strategy that has only the network is refused with the exact key and what was expected, exit code 2
 * and nothing written. The good case: the variants run, the report compares each pooled model with the same model
 * on the target alone, and each cell keeps its input scaling and Tribuo's record of the model.
 */
class ClassicalModelsBadInputTest {
    /** {@link BadInputCorpusTest#STUDY}, tabular, with the classical baselines beside the network. */
    static final String STUDY = BadInputCorpusTest.STUDY.replace("  fine-tuning: {max-epochs: 2}\n", """
              fine-tuning: {max-epochs: 2}
              target-only@logistic: {model: logistic}
              pooled@logistic: {model: logistic, source-examples: 30}
              target-only@xgboost: {model: xgboost, rounds: 5}
              pooled@xgboost: {model: xgboost, rounds: 5, source-examples: 30}
            """);

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * @param name     what is wrong, for the test report
     * @param change   how the case changes {@link #STUDY}
     * @param expected the exact error, given the config file
     */
    record Case(String name, Function<String, String> change, Function<Path, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> configs() {
        return Stream.of(
                new Case("a misspelled model", s -> s.replace("{model: logistic}", "{model: logistc}"),
                        f -> f + ":11: key 'strategies.target-only@logistic.model' must be one of network, logistic, xgboost, "
                                + "got 'logistc'"),
                new Case("a logistic model without regularisation", s -> s.replace("{model: logistic}",
                        "{model: logistic, cost: 0}"),
                        f -> f + ":11: 'strategies.target-only@logistic': cost must be a positive number, got 0.0"),
                new Case("gradient boosting without rounds", s -> s.replace("{model: xgboost, rounds: 5}",
                        "{model: xgboost, rounds: 0}"),
                        f -> f + ":13: 'strategies.target-only@xgboost': rounds must be at least 1, got 0"),
                new Case("a model for a strategy that has only the network", s -> s.replace("fine-tuning: {max-epochs: 2}",
                        "linint: {model: logistic}"),
                        f -> f + ":10: unknown key 'strategies.linint.model'; expected one of: learning-rate, max-epochs, "
                                + "patience, batch-size"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void aBadModelChoiceIsRefusedNamingTheKeyAndWritesNothing(Case bad) throws Exception {
        Path config = Files.writeString(dir.resolve("study.yaml"), bad.change().apply(STUDY));
        Path out = dir.resolve("out");
        Result result = cli("run", config.toString(), "--out", out.toString(), "--data-dir", dir.toString(), "--no-cache");
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode(), result.err());
        List<String> lines = result.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals("error: " + bad.expected().apply(config), lines.get(lines.size() - 1), result.err());
        assertFalse(Files.exists(out), "no run directory is left behind");
        BadInputCorpusTest.assertNoTemporaryFiles(dir);
    }

    @Test
    void eachPooledModelIsComparedWithTheSameModelOnTheTargetAloneAndKeepsItsProvenance() throws Exception {
        Path config = Files.writeString(dir.resolve("study.yaml"), STUDY);
        Result result = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", dir.toString(),
                "--no-cache");
        assertEquals(0, result.exitCode(), result.err());
        String report = Files.readString(dir.resolve("run/report.md"));
        assertTrue(report.contains("| pooled@logistic (vs target-only@logistic) |"), report);
        assertTrue(report.contains("| pooled@xgboost (vs target-only@xgboost) |"), report);
        for (Map<String, String> row : CsvRows.read(dir.resolve("run/results.csv"))) {
            if (!row.get("strategy").contains("@")) {
                continue;
            }
            assertEquals("ok", row.get("status"), row.toString());
            String provenance = Files.readString(dir.resolve("run/cells/" + row.get("cell_id") + ".tribuo.txt"));
            assertTrue(provenance.startsWith("input scaling: standardised with the mean and standard deviation of "),
                    provenance);
            String trainer = row.get("strategy").endsWith("@logistic") ? "LibLinearClassificationTrainer"
                    : "XGBoostClassificationTrainer";
            assertTrue(provenance.contains(trainer), provenance);
            assertTrue(row.get("strategy_parameters").startsWith("Parameters[model="), row.get("strategy_parameters"));
        }
    }
}
