package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.experiments.cli.BadInputCorpusTest.Result;

/**
 * The bad-input corpus of {@code report}, in {@link BadInputCorpusTest}'s style: each case breaks a copy of a real
 * run directory (a committed cell record cut short, changed or from another version) or of a run's results without
 * its cells (a {@code results.csv} cut short), or asks for a format there is none of, runs the real command line, and
 * checks the exact error (naming the file and line), exit code 2, and that nothing was written: the report and
 * results are as they were, and no new file or temporary file is left.
 */
class ReportBadInputTest {
    @TempDir
    static Path pristine;

    @TempDir
    Path dir;

    /** Breaks the copy in {@code run} (a run directory, or the copy of its results in {@code run/../published}). */
    interface Breakage {
        void apply(Path run) throws IOException;
    }

    /**
     * @param name     what is wrong
     * @param breakage breaks the copy
     * @param args     the report command's arguments after {@code report}, given the copy
     * @param expected the exact error, given the copy
     */
    record Case(String name, Breakage breakage, Function<Path, List<String>> args, Function<Path, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @org.junit.jupiter.api.BeforeAll
    static void runTheStudy() throws IOException {
        Path config = Files.writeString(pristine.resolve("study.yaml"), BadInputCorpusTest.STUDY);
        Result run = BadInputCorpusTest.cli("run", config.toString(), "--out", pristine.resolve("run").toString(),
                "--data-dir", pristine.toString(), "--no-cache");
        assertEquals(0, run.exitCode(), run.err());
    }

    /** The study's one cell record. */
    private static Path cell(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run.resolve("cells"))) {
            return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
    }

    /** Rewrites line {@code line} (1 = the header) of a file. */
    private static void rewrite(Path file, int line, Function<String, String> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(line - 1, change.apply(lines.get(line - 1)));
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    /** The first {@code n} fields of a row whose first fields have no quotes. */
    private static String firstFields(String row, int n) {
        return String.join(",", List.of(row.split(",")).subList(0, n));
    }

    private static Case onTheRun(String name, Breakage breakage, Function<Path, String> expected) {
        return new Case(name, breakage, run -> List.of(run.toString()), expected);
    }

    private static Path published(Path run) {
        return run.resolveSibling("published");
    }

    static Stream<Case> cases() {
        return Stream.of(
                onTheRun("a cell record cut in the middle of its row", run -> rewrite(cell(run), 2, row -> firstFields(row, 10)),
                        run -> uncheck(() -> cell(run) + ": line 2 has 10 fields, expected 37")),
                onTheRun("a cell record cut after its header", run -> Files.writeString(cell(run),
                        Files.readAllLines(cell(run)).get(0) + "\n"), run -> uncheck(() -> cell(run) + ": expected one row, found 0")),
                onTheRun("a cell record whose metric is not a number", run -> rewrite(cell(run), 2, row -> replaceField(row, 18, "lots")),
                        run -> uncheck(() -> cell(run) + ": line 2, column 'accuracy': expected a number (or NaN), got 'lots'")),
                onTheRun("a cell record with a column this version does not write",
                        run -> rewrite(cell(run), 1, header -> header.replace("selected_by", "picked_by")),
                        run -> uncheck(() -> cell(run) + ": line 1: unknown column 'picked_by'; a results table of this version of "
                                + "TransferLab has only the columns " + String.join(", ", knownColumns())
                                + " (was it written by another version? then run the study again with this one)")),
                new Case("an unknown format", run -> { }, run -> List.of(run.toString(), "--format", "pdf"),
                        run -> "--format 'pdf': unknown report format; expected one of markdown, latex, csv-long"),
                new Case("a copy of the results whose results.csv is cut in the middle of its row",
                        run -> rewrite(published(run).resolve("results.csv"), 2, row -> firstFields(row, 12)),
                        run -> List.of(published(run).toString(), "--format", "latex"),
                        run -> published(run).resolve("results.csv") + ": line 2 has 12 fields, expected 37"),
                new Case("the Markdown report of a copy of the results, which has no cells", run -> { },
                        run -> List.of(published(run).toString()),
                        run -> published(run) + ": holds results.csv and config.yaml but no committed cells (it is a copy of a "
                                + "run's results), so report.md cannot be rebuilt from it; --format latex or --format csv-long "
                                + "read its results.csv"));
    }

    private static List<String> knownColumns() {
        java.util.Set<String> known = new java.util.LinkedHashSet<>();
        for (org.transferlab.core.data.TaskType task : org.transferlab.core.data.TaskType.values()) {
            known.addAll(org.transferlab.experiments.run.ResultsCsv.columns(task));
        }
        return List.copyOf(known);
    }

    private static String replaceField(String row, int index, String value) {
        List<String> fields = new ArrayList<>(List.of(row.split(",", -1)));
        fields.set(index, value);
        return String.join(",", fields);
    }

    interface Text {
        String get() throws IOException;
    }

    private static String uncheck(Text text) {
        try {
            return text.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadRunOrResultsTableIsRefusedNamingTheFileAndLineAndWritesNothing(Case bad) throws IOException {
        Path run = ReportFormatsTest.copy(pristine.resolve("run"), dir.resolve("run"));
        Path published = Files.createDirectories(published(run));
        for (String file : List.of("config.yaml", "results.csv", "provenance.csv")) {
            Files.copy(run.resolve(file), published.resolve(file));
        }
        bad.breakage().apply(run);
        List<String> before = listing(dir);
        byte[] report = Files.readAllBytes(run.resolve("report.md"));
        byte[] results = Files.readAllBytes(run.resolve("results.csv"));
        List<String> args = new ArrayList<>(List.of("report"));
        args.addAll(bad.args().apply(run));
        Result result = BadInputCorpusTest.cli(args.toArray(String[]::new));
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode(), result.err());
        List<String> lines = result.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals("error: " + bad.expected().apply(run), lines.get(lines.size() - 1), result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace");
        assertEquals(before, listing(dir), "no file was added or removed");
        assertArrayEquals(report, Files.readAllBytes(run.resolve("report.md")), "report.md is as it was");
        assertArrayEquals(results, Files.readAllBytes(run.resolve("results.csv")), "results.csv is as it was");
        BadInputCorpusTest.assertNoTemporaryFiles(dir);
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
