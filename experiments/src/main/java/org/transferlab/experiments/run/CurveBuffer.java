package org.transferlab.experiments.run;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferlab.transfer.engine.TrainingLog;

/** Collects one fit's learning curve in memory, so it is written with its cell, atomically. */
public final class CurveBuffer implements TrainingLog {
    private final List<Object[]> rows = new ArrayList<>();

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
                .setHeader("phase", "epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy").setRecordSeparator('\n').get())) {
            for (Object[] row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString();
    }
}
