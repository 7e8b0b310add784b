package org.transferlab.experiments.run;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.OverfitCheck;

/**
 * The columns of {@code results.csv}, and the only place that knows them: one row per cell with what the
 * cell was, its seeds, its test metrics, how it was fitted and what it cost ({@link StoredResult}). Timing
 * columns end in {@code _s}; with {@code source_trained} (which cell happened to train the shared source
 * model) they record how a run went. Everything else is a pure function of the config, whatever the order,
 * sharding or parallelism of the run. Each cell's row is also its committed record in the run directory
 * ({@code cells/ID.csv}), so results can be rebuilt from them.
 *
 * <p>Reading is strict, since a report is built from what is read: a column this version does not write, a
 * missing column, a row with the wrong number of fields or a value that does not parse is an error naming the
 * file, the line and the column. What this version writes it reads back to an equal result, and writes again
 * byte for byte.
 */
public final class ResultsCsv {
    private static final List<String> IDENTITY = List.of("cell_id", "source", "target", "strategy", "budget", "budget_kind",
            "seed", "base_seed", "source_seed", "sample_seed", "fit_seed", "source_share", "target_share", "train_size",
            "validation_size", "test_size", "task", "status");
    private static final List<String> AFTER_FIT = List.of("early_stopping", "overfit", "source_val_accuracy", "source_trained",
            "source_train_s", "fit_s", "eval_s", "strategy_parameters", "candidates", "selected_by");
    private static final Set<String> KNOWN = known();

    private ResultsCsv() {
    }

    /** The columns of a row of a {@code task} target, in the order of {@code results.csv}. */
    public static List<String> columns(TaskType task) {
        List<String> columns = new ArrayList<>(IDENTITY);
        columns.addAll(TaskMetrics.of(task).columns());
        String score = score(task);
        columns.addAll(List.of("best_epoch", "epochs_run", "train_loss", "train_" + score, "val_loss", "val_" + score,
                OverfitCheck.column(task)));
        columns.addAll(AFTER_FIT);
        return List.copyOf(columns);
    }

    /** The validation score is accuracy for classification (and clustering's unused column) and R² for regression. */
    private static String score(TaskType task) {
        return task == TaskType.REGRESSION ? "r2" : "accuracy";
    }

    /** A result's row, column by column, in the order of {@link #columns}. */
    private static Map<String, String> record(StoredResult row) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("cell_id", row.cellId());
        r.put("source", row.source());
        r.put("target", row.target());
        r.put("strategy", row.strategy());
        r.put("budget", Integer.toString(row.budget().amount()));
        r.put("budget_kind", row.budget().kind().key());
        r.put("seed", Integer.toString(row.seed()));
        r.put("base_seed", Long.toString(row.seeds().base()));
        r.put("source_seed", Long.toString(row.seeds().source()));
        r.put("sample_seed", Long.toString(row.seeds().sample()));
        r.put("fit_seed", Long.toString(row.seeds().fit()));
        r.put("source_share", ResultFields.share(row.shares().source()));
        r.put("target_share", ResultFields.share(row.shares().target()));
        r.put("train_size", Integer.toString(row.sizes().train()));
        r.put("validation_size", Integer.toString(row.sizes().validation()));
        r.put("test_size", Integer.toString(row.sizes().test()));
        r.put("task", row.task().name().toLowerCase(Locale.ROOT));
        r.put("status", row.status());
        row.metrics().forEach((name, value) -> r.put(name, number(value)));
        r.put("best_epoch", Integer.toString(row.fit().bestEpoch()));
        r.put("epochs_run", Integer.toString(row.fit().epochsRun()));
        r.put("train_loss", number(row.fit().trainLoss()));
        String score = score(row.task());
        r.put("train_" + score, number(row.fit().trainAccuracy()));
        r.put("val_loss", number(row.fit().validationLoss()));
        r.put("val_" + score, number(row.fit().validationAccuracy()));
        r.put(OverfitCheck.column(row.task()), number(row.overfit().gap()));
        r.put("early_stopping", row.earlyStopping());
        r.put("overfit", row.overfit().flag());
        r.put("source_val_accuracy", number(row.sourceValAccuracy()));
        r.put("source_trained", Boolean.toString(row.sourceTrained()));
        r.put("source_train_s", seconds(row.timings().sourceTrainSeconds()));
        r.put("fit_s", seconds(row.timings().fitSeconds()));
        r.put("eval_s", seconds(row.timings().evalSeconds()));
        r.put("strategy_parameters", row.strategyParameters());
        r.put("candidates", Integer.toString(row.candidates()));
        r.put("selected_by", row.selectedBy());
        return r;
    }

    /**
     * Writes rows under the union of their columns, in first-seen order (a run directory that holds cells of two
     * tasks, through {@code --allow-changed-config}, has both tasks' columns); a column a row lacks is empty.
     */
    public static void write(List<StoredResult> rows, Writer out) throws IOException {
        List<Map<String, String>> records = rows.stream().map(ResultsCsv::record).toList();
        Set<String> header = new LinkedHashSet<>();
        records.forEach(r -> header.addAll(r.keySet()));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Map<String, String> row : records) {
                List<String> values = new ArrayList<>();
                header.forEach(column -> values.add(row.getOrDefault(column, "")));
                printer.printRecord(values);
            }
        }
    }

    /** The rows as the text of a results table. */
    public static String csv(List<StoredResult> rows) {
        StringWriter out = new StringWriter();
        try {
            write(rows, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    /** Reads a results table: {@code results.csv}, or a cell's committed record. */
    public static List<StoredResult> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty() && Files.size(file) == 0) {
                throw new TransferLabException(file + ": the file is empty; expected a results table, a header row naming "
                        + "the columns and then one row per cell");
            }
            checkHeader(file, header);
            List<StoredResult> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new TransferLabException(file + ": line " + line + ": not valid CSV ("
                            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")", e);
                }
                if (record.size() != header.size()) {
                    throw new TransferLabException(file + ": line " + line + " has " + record.size() + " fields, expected "
                            + header.size());
                }
                rows.add(new ResultFields(file, line, header, record).result());
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new TransferLabException(file + ": cannot be read as a results table (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a cell's committed record: a results table of exactly one row. */
    public static StoredResult readOne(Path file) {
        List<StoredResult> rows = read(file);
        if (rows.size() != 1) {
            throw new TransferLabException(file + ": expected one row, found " + rows.size());
        }
        return rows.get(0);
    }

    private static void checkHeader(Path file, List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!KNOWN.contains(column)) {
                throw new TransferLabException(file + ": line 1: unknown column '" + column + "'; a results table of this "
                        + "version of TransferLab has only the columns " + String.join(", ", KNOWN)
                        + " (was it written by another version? then run the study again with this one)");
            }
            if (!seen.add(column)) {
                throw new TransferLabException(file + ": line 1: the column '" + column + "' appears twice");
            }
        }
    }

    private static Set<String> known() {
        Set<String> known = new LinkedHashSet<>();
        for (TaskType task : TaskType.values()) {
            known.addAll(columns(task));
        }
        return java.util.Collections.unmodifiableSet(known);
    }

    /** Full precision, so results can be compared exactly; NaN stays NaN. */
    static String number(double value) {
        return Double.isNaN(value) ? "NaN" : Double.toString(value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** {@code seconds} as a run directory keeps it: rounded to the millisecond as the timing columns write it. */
    static double storedSeconds(double seconds) {
        return Double.parseDouble(seconds(seconds));
    }
}
