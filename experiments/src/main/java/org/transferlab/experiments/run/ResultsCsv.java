package org.transferlab.experiments.run;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.transferlab.core.loader.TrainShare;
import org.transferlab.experiments.config.OverfitCheck;

/**
 * The columns of {@code results.csv}: one row per cell with what the cell was, its seeds, its test
 * metrics, how it was fitted and what it cost. Timing columns end in {@code _s}; with
 * {@code source_trained} (which cell happened to train the shared source model) they record how a
 * run went. Everything else is a pure function of the config, whatever the order, sharding or
 * parallelism of the run. Each
 * cell's row is also its committed record in the run directory, so results can be rebuilt from them.
 */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    /** The row of a finished cell, column by column, in the order of {@code results.csv}. */
    public static Map<String, String> record(ResultRow row) {
        Cell cell = row.cell();
        Map<String, String> r = new LinkedHashMap<>();
        r.put("cell_id", cell.id());
        r.put("source", cell.source().name());
        r.put("target", cell.target().name());
        r.put("strategy", cell.strategy().name());
        r.put("budget", Integer.toString(cell.budget().amount()));
        r.put("budget_kind", cell.budget().kind().key());
        r.put("seed", Integer.toString(cell.seedIndex()));
        r.put("base_seed", Long.toString(cell.baseSeed()));
        r.put("source_seed", Long.toString(cell.sourceSeed()));
        r.put("sample_seed", Long.toString(cell.sampleSeed()));
        r.put("fit_seed", Long.toString(cell.fitSeed()));
        r.put("source_share", share(cell.shares().source()));
        r.put("target_share", share(cell.shares().target()));
        r.put("train_size", Integer.toString(row.trainSize()));
        r.put("validation_size", Integer.toString(row.validationSize()));
        r.put("test_size", Integer.toString(row.testSize()));
        r.put("task", row.task().name().toLowerCase(Locale.ROOT));
        r.put("status", row.status());
        row.metrics().forEach((name, value) -> r.put(name, number(value)));
        r.put("best_epoch", Integer.toString(row.fit().bestEpoch()));
        r.put("epochs_run", Integer.toString(row.fit().epochsRun()));
        r.put("train_loss", number(row.fit().trainLoss()));
        // The validation score is accuracy for classification and R² for regression; the column says which.
        String score = row.task() == org.transferlab.core.data.TaskType.REGRESSION ? "r2" : "accuracy";
        r.put("train_" + score, number(row.fit().trainAccuracy()));
        r.put("val_loss", number(row.fit().validationLoss()));
        r.put("val_" + score, number(row.fit().validationAccuracy()));
        r.put(OverfitCheck.column(row.task()), number(row.overfit().gap()));
        // With one label per class there is no validation split; say which rule chose the kept epoch.
        r.put("early_stopping", row.fit().epochsRun() == 0 ? "none"
                : Double.isNaN(row.fit().validationLoss()) && Double.isNaN(row.fit().validationAccuracy())
                ? "training loss (no validation split)" : "validation loss");
        r.put("overfit", row.overfit().flag());
        r.put("source_val_accuracy", number(row.sourceMetrics().getOrDefault("source_val_accuracy", Double.NaN)));
        r.put("source_trained", Boolean.toString(row.sourceTrained()));
        r.put("source_train_s", seconds(row.sourceSeconds()));
        r.put("fit_s", seconds(row.fitSeconds()));
        r.put("eval_s", seconds(row.evalSeconds()));
        r.put("strategy_parameters", row.parameters().toString());
        r.put("candidates", Integer.toString(row.candidates()));
        r.put("selected_by", row.selectedBy());
        return r;
    }

    /** Writes rows under the union of their columns, in first-seen order; a missing value is empty. */
    public static void write(List<Map<String, String>> rows, Writer out) throws IOException {
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(r -> header.addAll(r.keySet()));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Map<String, String> row : rows) {
                List<String> values = new ArrayList<>();
                header.forEach(column -> values.add(row.getOrDefault(column, "")));
                printer.printRecord(values);
            }
        }
    }

    public static List<Map<String, String>> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != parser.getHeaderNames().size()) {
                    throw new TransferLabException(file + ": line " + parser.getCurrentLineNumber() + " has "
                            + record.size() + " fields, expected " + parser.getHeaderNames().size());
                }
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
            return rows;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new TransferLabException(file + ": cannot be read as a results table (" + e.getMessage() + ")", e);
        }
    }

    private static String share(TrainShare share) {
        return share.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Full precision, so results can be compared exactly; NaN stays NaN. */
    static String number(double value) {
        return Double.isNaN(value) ? "NaN" : Double.toString(value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
