package org.transferlab.experiments.run;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code results.csv}: one row per cell with what the cell was, its seeds, its test metrics,
 * how it was fitted and what it cost. Timing columns end in {@code _s}; everything else is a pure
 * function of the config, so two runs of the same config differ only in those columns.
 */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    public static List<String> header(List<ResultRow> rows) {
        List<String> header = new ArrayList<>(List.of("cell_id", "source", "target", "strategy", "budget", "budget_kind",
                "seed", "base_seed", "source_seed", "sample_seed", "fit_seed", "source_share", "target_share",
                "train_size", "validation_size", "test_size"));
        header.addAll(metricNames(rows));
        header.addAll(List.of("best_epoch", "epochs_run", "train_loss", "val_loss", "val_accuracy",
                "source_val_accuracy", "source_trained", "source_train_s", "fit_s", "eval_s", "strategy_parameters"));
        return header;
    }

    public static void write(List<ResultRow> rows, Writer out) throws IOException {
        List<String> metrics = metricNames(rows);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header(rows).toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (ResultRow row : rows) {
                Cell cell = row.cell();
                List<Object> values = new ArrayList<>(List.of(cell.id(), cell.source().name(), cell.target().name(),
                        cell.strategy().name(), cell.budget().amount(), cell.budget().kind().key(), cell.seedIndex(),
                        cell.baseSeed(), cell.sourceSeed(), cell.sampleSeed(), cell.fitSeed(),
                        share(cell.shares().source()), share(cell.shares().target()),
                        row.trainSize(), row.validationSize(), row.testSize()));
                for (String metric : metrics) {
                    values.add(number(row.metric(metric)));
                }
                values.addAll(List.of(row.bestEpoch(), row.epochsRun(), number(row.trainLoss()),
                        number(row.validationLoss()), number(row.validationAccuracy()),
                        number(row.sourceMetrics().getOrDefault("source_val_accuracy", Double.NaN)),
                        row.sourceTrained(), seconds(row.sourceSeconds()), seconds(row.fitSeconds()),
                        seconds(row.evalSeconds()), cell.strategy().parameters().toString()));
                printer.printRecord(values);
            }
        }
    }

    private static List<String> metricNames(List<ResultRow> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.metrics().keySet()));
        return List.copyOf(names);
    }

    private static String share(org.transferlab.core.loader.TrainShare share) {
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
