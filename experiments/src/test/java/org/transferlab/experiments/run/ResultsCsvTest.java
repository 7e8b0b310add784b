package org.transferlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.engine.FitSummary;

/**
 * {@code results.csv} is the one place the columns live: results written and read back are equal and write again
 * byte for byte, every committed study's table reads and writes back unchanged, and a table that is not one (a
 * truncated row, an unknown or missing column, a value that does not parse) is an error naming the file and line.
 */
class ResultsCsvTest {
    @TempDir
    Path dir;

    /** A result of each kind: scored, not applicable, regression with its RMSE ratio, clustering, one label per class. */
    private static List<StoredResult> results() {
        return List.of(
                ResultFixtures.result().cellId("a1").strategy("fine-tuning").seed(2).metric("accuracy", 0.8125)
                        .metric("macro_f1", 0.8011234567890123).fit(new FitSummary(4, 7, 0.31, 0.9, 0.45, 0.85))
                        .overfit(0.05000000000000004, "false").sourceModel(0.97, true).fitSeconds(1.234)
                        .parameters("Parameters[learningRate=3.0E-4, maxEpochs=20]", 2).build(),
                ResultFixtures.result().cellId("a2").strategy("coral").budget(LabelBudget.perClass(0)).metric("accuracy", Double.NaN)
                        .status("not applicable: it learns from source examples, and this cell's source has none, \"quoted\"")
                        .build(),
                ResultFixtures.result().cellId("b1").pair("cars-usa", "cars-japan").budget(LabelBudget.total(40)).strategy("prior")
                        .metric("rmse", 2.80375).metric("mae", 2.1).metric("r2", -0.25).fit(new FitSummary(3, 3, 4.0, 0.5, 9.0, 0.2))
                        .overfit(1.5, "false").build(),
                ResultFixtures.result().cellId("c1").strategy("warm-start-kmeans").budget(LabelBudget.total(500))
                        .metric("nmi", 0.49).metric("ami", 0.48).metric("ari", 0.35).build(),
                ResultFixtures.result().cellId("a3").budget(LabelBudget.perClass(1)).metric("accuracy", 0.5)
                        .fit(new FitSummary(2, 5, 0.7, 1.0, Double.NaN, Double.NaN)).build());
    }

    @Test
    void resultsWrittenAndReadBackAreEqualAndWriteAgainByteForByte() throws IOException {
        List<StoredResult> results = results();
        Path file = Files.writeString(dir.resolve("results.csv"), ResultsCsv.csv(results));
        List<StoredResult> read = ResultsCsv.read(file);
        assertEquals(results, read);
        assertEquals(Files.readString(file), ResultsCsv.csv(read));
        assertEquals(StoredResult.BY_TRAINING_LOSS, read.get(4).earlyStopping(), "one label per class: no validation split");
        assertEquals(1.5, read.get(2).overfit().gap(), "a regression result's gap is its RMSE ratio");
    }

    @Test
    void aRowHasItsTasksColumnsInOrder() {
        for (TaskType task : TaskType.values()) {
            StoredResult result = results().stream().filter(r -> r.task() == task).findFirst().orElseThrow();
            String header = ResultsCsv.csv(List.of(result)).lines().findFirst().orElseThrow();
            assertEquals(String.join(",", ResultsCsv.columns(task)), header);
        }
        assertTrue(ResultsCsv.columns(TaskType.REGRESSION).containsAll(List.of("train_r2", "val_r2", "rmse_ratio")));
    }

    @Test
    void timingsAreKeptAsTheFileKeepsThem() {
        StoredResult.Timings timings = StoredResult.Timings.asStored(0.0004999, 1.0005, 12.3456789);
        assertEquals(new StoredResult.Timings(0.0, 1.001, 12.346), timings);
    }

    static Stream<String> committedStudies() throws IOException {
        try (Stream<Path> studies = Files.list(Path.of("..", "results", "studies"))) {
            return studies.filter(p -> Files.isRegularFile(p.resolve("results.csv"))).map(p -> p.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("committedStudies")
    void everyCommittedStudysResultsReadAndWriteBackUnchanged(String study) throws IOException {
        Path file = Path.of("..", "results", "studies", study, "results.csv");
        List<StoredResult> results = ResultsCsv.read(file);
        assertTrue(results.size() > 10, study + " has its cells");
        assertEquals(Files.readString(file), ResultsCsv.csv(results));
    }

    /** The table of {@link #results()} with line {@code line} (1 = the header) replaced. */
    private Path withLine(int line, java.util.function.UnaryOperator<String> change) throws IOException {
        List<String> lines = new java.util.ArrayList<>(ResultsCsv.csv(results()).lines().toList());
        lines.set(line - 1, change.apply(lines.get(line - 1)));
        return Files.writeString(dir.resolve("results.csv"), String.join("\n", lines) + "\n");
    }

    private static String error(Path file) {
        return assertThrows(TransferLabException.class, () -> ResultsCsv.read(file)).getMessage();
    }

    @Test
    void aRowCutShortIsAnErrorNamingItsLine() throws IOException {
        Path file = withLine(4, row -> row.substring(0, row.length() / 2));
        assertTrue(error(file).startsWith(file + ": line 4 has "), error(file));
    }

    @Test
    void aValueThatDoesNotParseIsAnErrorNamingTheLineAndColumn() throws IOException {
        Path file = withLine(2, row -> row.replace(",0.8125,", ",eighty,"));
        assertEquals(file + ": line 2, column 'accuracy': expected a number (or NaN), got 'eighty'", error(file));
        file = withLine(3, row -> row.replace(",per-class,", ",per-row,"));
        assertEquals(file + ": line 3, column 'budget_kind': expected one of per-class, total, got 'per-row'", error(file));
        file = withLine(2, row -> row.replace(",true,", ",yes,"));
        assertEquals(file + ": line 2, column 'source_trained': expected true or false, got 'yes'", error(file));
    }

    @Test
    void anUnknownColumnIsAnError() throws IOException {
        Path file = withLine(1, header -> header.replace("selected_by", "chosen_by"));
        assertTrue(error(file).startsWith(file + ": line 1: unknown column 'chosen_by'; a results table of this version of "
                + "TransferLab has only the columns cell_id, source, "), error(file));
    }

    @Test
    void aMissingColumnIsAnError() throws IOException {
        String csv = ResultsCsv.csv(results().subList(0, 1));
        List<String> lines = csv.lines().toList();
        int column = List.of(lines.get(0).split(",")).indexOf("fit_seed");
        Path file = Files.writeString(dir.resolve("results.csv"), String.join("\n", lines.stream()
                .map(l -> String.join(",", without(List.of(l.split(",", -1)), column))).toList()) + "\n");
        assertEquals(file + ": line 1: the header has no column 'fit_seed', which every result of a classification target "
                + "needs", error(file));
    }

    private static List<String> without(List<String> fields, int index) {
        List<String> kept = new java.util.ArrayList<>(fields);
        kept.remove(index);
        return kept;
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingItsLine() throws IOException {
        String csv = ResultsCsv.csv(results());
        Path file = Files.writeString(dir.resolve("results.csv"), csv.substring(0, csv.indexOf("\"quoted") + 3));
        assertTrue(error(file).startsWith(file + ": line 3: not valid CSV ("), error(file));
    }

    @Test
    void anEmptyFileIsAnErrorAndACellRecordHasOneRow() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertEquals(empty + ": the file is empty; expected a results table, a header row naming the columns and then one "
                + "row per cell", error(empty));
        Path two = Files.writeString(dir.resolve("two.csv"), ResultsCsv.csv(results().subList(0, 2)));
        assertEquals(two + ": expected one row, found 2",
                assertThrows(TransferLabException.class, () -> ResultsCsv.readOne(two)).getMessage());
        Path none = Files.writeString(dir.resolve("none.csv"), ResultsCsv.csv(List.of()));
        assertEquals(List.of(), ResultsCsv.read(none), "a run with no finished cell has an empty results table");
    }
}
