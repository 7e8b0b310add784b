package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.transfer.forecast.Forecast;
import org.transferlab.transfer.forecast.ForecastInputs;
import org.transferlab.transfer.forecast.ScoreBindings;
import org.transferlab.transfer.forecast.TransferabilityScore;

/** {@code forecast}: every score of every pair and budget, from train partitions only, and no target model trained. */
class ForecastCommandTest {
    private static final String STUDY = """
            name: forecast
            seeds: 2
            domains:
              src: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90}
              tgt: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90, shift: 0.5, sample-seed: 9}
            pairs:
              - {source: src, target: tgt}
            network: {type: mlp, hidden: [8], epochs: 1, batch-size: 32, learning-rate: 0.01}
            strategies:
              target-only: {}
              fine-tuning: {}
            budgets:
              per-class: [0, 5]
            """;

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result forecast(Path config) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"forecast", config.toString(), "--data-dir", dir.toString(), "--no-cache"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void everyScoreOfEveryBudgetIsForecastTheSameWayTwiceWithoutARunDirectory() throws Exception {
        Path config = Files.writeString(dir.resolve("study.yaml"), STUDY);
        Result first = forecast(config);
        assertEquals(0, first.exitCode(), first.err());
        List<String> rows = tableRows(first.out());
        assertEquals(2 * 5, rows.size(), "1 pair x 2 budgets x 5 scores:\n" + first.out());
        for (String score : List.of("logme", "leep", "h-score")) {
            assertTrue(rows.contains("| src → tgt | 0/class | " + score + " |  |  | n/a: needs target labels |"), first.out());
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("| src → tgt | 5/class | " + score + " | ")
                    && r.contains("of 2 seeds")), first.out());
        }
        for (String distance : List.of("proxy-a-distance", "linear-mmd")) {
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("| src → tgt | 0/class | " + distance + " | ")
                    && r.contains("of 2 seeds")), "a domain distance reads no labels:\n" + first.out());
        }
        assertTrue(first.out().contains("no target model trained"), first.out());
        assertFalse(Files.exists(dir.resolve("runs")), "a forecast writes no run directory");

        Result second = forecast(config);
        assertEquals(rows, tableRows(second.out()), "the same config and seeds forecast the same numbers");
    }

    @Test
    void aRunWithForecastsReportsTheForecastCommandsNumbersAgainstTheMeasuredGains() throws Exception {
        Path config = Files.writeString(dir.resolve("study.yaml"), STUDY.replace("seeds: 2\n", "seeds: 2\nforecast: true\n"));
        Result forecast = forecast(config);
        assertEquals(0, forecast.exitCode(), forecast.err());
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"run", config.toString(), "--out", dir.resolve("run").toString(),
            "--data-dir", dir.toString(), "--no-cache"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());

        assertTrue(Files.exists(dir.resolve("run/forecasts.csv")));
        String report = Files.readString(dir.resolve("run/report.md"));
        assertTrue(report.contains("## Forecasts against what happened"), report);
        for (String row : tableRows(forecast.out())) {
            String[] cells = row.split(" \\| ");
            if (row.contains("n/a")) {
                continue;
            }
            // The run's forecast of this pair, budget and score has the number 'forecast' printed.
            assertTrue(report.lines().anyMatch(l -> l.startsWith("| src → tgt | " + cells[1] + " | ")
                    && l.contains(" | " + cells[2] + " | " + cells[3] + " | ")), row + "\n" + report);
        }
        assertTrue(report.contains("| src → tgt | 0/class | — |  | logme |  | n/a | n/a |"),
                "no baseline and no labels at 0 labels:\n" + report);
        assertTrue(report.contains("| score | right | Spearman ρ | Kendall τ |"), report);
    }

    @Test
    void aRegressionStudyIsRefusedNamingItsTask() throws Exception {
        Path config = Files.writeString(dir.resolve("regression.yaml"), """
                name: r
                seeds: 1
                domains:
                  src: {loader: synthetic, task: regression, features: 4, train-size: 100, test-size: 50}
                  tgt: {loader: synthetic, task: regression, features: 4, train-size: 100, test-size: 50, shift: 0.7}
                pairs:
                  - {source: src, target: tgt}
                network: {type: mlp, hidden: [8], epochs: 1, batch-size: 32, learning-rate: 0.01}
                strategies:
                  target-only: {}
                budgets:
                  total: [10]
                """);
        Result result = forecast(config);
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode(), result.out());
        assertTrue(result.err().contains("regression.yaml: forecast scores classification studies; this one's task is regression"),
                result.err());
        assertFalse(result.err().contains("\tat org."), "no stack trace: " + result.err());
    }

    /** A third-party score that reads the target's test partition by loading the domain itself. */
    public static final class Peeking implements TransferabilityScore {
        @Override
        public String description() {
            return "opens the target's test partition";
        }

        @Override
        public boolean readsLabels() {
            return false;
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        @Override
        public Forecast forecast(ForecastInputs inputs) {
            new SyntheticLoader().load("tgt", new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 8, 300, 90, 2, 1, 0.5,
                    1, 2, 9), LoadContext.of(Path.of("."))).test().open();
            return new Forecast(1, 0, true, "peeked");
        }
    }

    /** The module a third-party jar would list in META-INF/services. */
    public static final class PeekingModule extends AbstractModule implements TransferLabModule {
        @Override
        protected void configure() {
            ScoreBindings.score(binder(), "peeking", Peeking.class);
        }
    }

    @Test
    void aScoreThatOpensTheTargetTestPartitionFails() throws Exception {
        Path config = Files.writeString(dir.resolve("study.yaml"), STUDY);
        Path jar = dir.resolve("plugin");
        Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(jar.resolve("META-INF/services/" + TransferLabModule.class.getName()), PeekingModule.class.getName());
        Result result;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            result = forecast(config);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertTrue(result.exitCode() != 0, result.out());
        assertTrue(result.err().contains("the test partition of domain 'tgt' was opened while fitting score 'peeking'"), result.err());
        assertFalse(result.out().contains("| peeking |"), "no number from a score that peeked:\n" + result.out());
    }

    private static List<String> tableRows(String out) {
        return out.lines().filter(l -> l.startsWith("| src")).toList();
    }
}
