package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.experiments.cli.BadInputCorpusTest.Result;
import org.transferlab.experiments.run.CsvRows;

/**
 * {@code report --format}: on a small study run once, the default Markdown report is what the run wrote (but for
 * the command it names), {@code latex} and {@code csv-long} write {@code report.tex} and {@code results-long.csv}
 * beside it and touch nothing else, and a copy of the run's results without its cells gives the same tables.
 */
class ReportFormatsTest {
    /** Two strategies, two budgets, two seeds: 8 cells in a few seconds. */
    static final String STUDY = BadInputCorpusTest.STUDY.replace("seeds: 1", "seeds: 2")
            .replace("  fine-tuning: {max-epochs: 2}\n", "  target-only: {max-epochs: 2}\n  fine-tuning: {max-epochs: 2}\n")
            .replace("per-class: [2]", "per-class: [2, 4]");

    @TempDir
    static Path pristine;

    @TempDir
    Path dir;

    @BeforeAll
    static void runTheStudy() throws IOException {
        Path config = Files.writeString(pristine.resolve("study.yaml"), STUDY);
        Result run = BadInputCorpusTest.cli("run", config.toString(), "--out", pristine.resolve("run").toString(),
                "--data-dir", pristine.toString(), "--no-cache", "--workers", "1");
        assertEquals(0, run.exitCode(), run.err());
    }

    /** A fresh copy of the run directory, so that each test sees what the run wrote. */
    static Path copyOfTheRun(Path into) throws IOException {
        return copy(pristine.resolve("run"), into.resolve("run"));
    }

    /** Copies a directory tree. */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    private static Result report(Path run, String... options) {
        String[] args = Stream.concat(Stream.of("report", run.toString()), Stream.of(options)).toArray(String[]::new);
        return BadInputCorpusTest.cli(args);
    }

    @Test
    void theDefaultIsTheMarkdownReportTheRunWrote() throws IOException {
        Path run = copyOfTheRun(dir);
        String written = Files.readString(run.resolve("report.md"));
        byte[] results = Files.readAllBytes(run.resolve("results.csv"));
        Result plain = report(run);
        assertEquals(0, plain.exitCode(), plain.err());
        String command = written.lines().filter(l -> l.startsWith("- command: ")).findFirst().orElseThrow();
        assertEquals(written.replace(command, "- command: `./transferlab report " + run + "`"), Files.readString(run.resolve("report.md")));
        assertArrayEquals(results, Files.readAllBytes(run.resolve("results.csv")));
        String report = Files.readString(run.resolve("report.md"));
        Result markdown = report(run, "--format", "markdown");
        assertEquals(0, markdown.exitCode(), markdown.err());
        assertEquals(plain.out(), markdown.out());
        assertEquals(report, Files.readString(run.resolve("report.md")), "--format markdown is the default");
        assertFalse(Files.exists(run.resolve("report.tex")) || Files.exists(run.resolve("results-long.csv")));
    }

    @Test
    void csvLongHasOneRowPerPairBudgetStrategyAndMetricAndTouchesNothingElse() throws IOException {
        Path run = copyOfTheRun(dir);
        byte[] report = Files.readAllBytes(run.resolve("report.md"));
        Result result = report(run, "--format", "csv-long");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("results: " + run.resolve("results-long.csv") + "\n", result.out());
        List<Map<String, String>> rows = CsvRows.read(run.resolve("results-long.csv"));
        assertEquals(1 * 2 * 2 * 2, rows.size(), "1 pair x 2 budgets x 2 strategies x 2 metrics (accuracy, macro_f1)");
        assertEquals(List.of("accuracy", "macro_f1"), rows.stream().map(r -> r.get("metric")).distinct().toList());
        assertEquals(List.of("2", "4"), rows.stream().map(r -> r.get("budget")).distinct().toList());
        assertTrue(rows.stream().allMatch(r -> r.get("seeds").equals("2")), rows.toString());
        assertArrayEquals(report, Files.readAllBytes(run.resolve("report.md")), "report.md is left as it was");
        assertFalse(Files.exists(run.resolve("report.tex")));
    }

    @Test
    void latexWritesReportTexBesideTheMarkdownReport() throws IOException {
        Path run = copyOfTheRun(dir);
        byte[] report = Files.readAllBytes(run.resolve("report.md"));
        Result result = report(run, "--format", "latex");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("report: " + run.resolve("report.tex") + "\n", result.out());
        String latex = Files.readString(run.resolve("report.tex"));
        assertTrue(latex.startsWith("% corpus: the comparison tables of 8 cells, written by `./transferlab report " + run
                + " --format latex`.\n% Needs \\usepackage{booktabs}.\n"), latex);
        assertEquals(2, latex.split("\\\\begin\\{tabular\\}", -1).length - 1, "accuracy and macro_f1: " + latex);
        assertArrayEquals(report, Files.readAllBytes(run.resolve("report.md")));
    }

    @Test
    void aCopyOfTheResultsWithoutItsCellsGivesTheSameTables() throws IOException {
        Path run = copyOfTheRun(dir);
        Path published = Files.createDirectories(dir.resolve("published"));
        for (String file : List.of("config.yaml", "results.csv", "provenance.csv")) {
            Files.copy(run.resolve(file), published.resolve(file));
        }
        for (String format : List.of("latex", "csv-long")) {
            assertEquals(0, report(run, "--format", format).exitCode());
            Result copy = report(published, "--format", format);
            assertEquals(0, copy.exitCode(), copy.err());
        }
        assertEquals(Files.readString(run.resolve("results-long.csv")), Files.readString(published.resolve("results-long.csv")));
        assertEquals(Files.readString(run.resolve("report.tex")).replace(run.toString(), published.toString()),
                Files.readString(published.resolve("report.tex")));
    }
}
