package org.transferlab.experiments.run;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferlab.transfer.engine.TrainingLog;
import org.transferlab.core.TransferLabException;

/**
 * Collects one fit's learning curve in memory, so it is written with its cell, atomically; and reads a curve
 * file back ({@code curves/ID.csv}: phase, epoch, train_loss, train_accuracy, val_loss, val_accuracy).
 */
public final class CurveBuffer implements TrainingLog {
    private static final String[] HEADER = {"phase", "epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy"};
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * One epoch of a curve. The "accuracy" columns hold the task's validation score: accuracy, or R² for regression.
     *
     * @param phase the fit's phase ({@code train}, {@code head}, a candidate's prefix, ...)
     */
    public record Epoch(String phase, int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                        double validationAccuracy) {
    }

    @Override
    public synchronized void epoch(String phase, int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                                   double validationAccuracy) {
        rows.add(new Object[] {phase, epoch, ResultsCsv.number(trainLoss), ResultsCsv.number(trainAccuracy),
            ResultsCsv.number(validationLoss), ResultsCsv.number(validationAccuracy)});
    }

    /** The curve as CSV: phase, epoch, train_loss, train_accuracy, val_loss, val_accuracy. */
    public synchronized String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(HEADER).setRecordSeparator('\n').get())) {
            for (Object[] row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    /** A curve file's epochs, in order; a missing column or a value that does not parse is an error naming the file. */
    public static List<Epoch> read(Path file) {
        List<Epoch> epochs = new ArrayList<>();
        for (Map<String, String> row : CsvRows.read(file)) {
            try {
                epochs.add(new Epoch(field(row, "phase"), Integer.parseInt(field(row, "epoch")),
                        Double.parseDouble(field(row, "train_loss")), Double.parseDouble(field(row, "train_accuracy")),
                        Double.parseDouble(field(row, "val_loss")), Double.parseDouble(field(row, "val_accuracy"))));
            } catch (IllegalArgumentException e) {
                throw new TransferLabException(file + ": epoch " + (epochs.size() + 1) + ": not a learning curve row ("
                        + e.getMessage() + ")", e);
            }
        }
        return epochs;
    }

    private static String field(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new IllegalArgumentException("no column '" + column + "'");
        }
        return value;
    }
}
