package org.transferlab.core.loader.diabetes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.transferlab.core.TransferLabException;

/**
 * Reads scikit-learn's gzipped, space-separated diabetes files with Apache Commons CSV: the raw
 * features (ten numbers a line: age, sex, bmi, bp, s1..s6) and the targets (one number a line). A
 * line with the wrong number of fields, a non-number, or files of different lengths is an error that
 * names the file and the line.
 */
final class DiabetesFiles {
    static final int COLUMNS = 10;
    static final int SEX_COLUMN = 1;

    private static final CSVFormat SPACE_SEPARATED = CSVFormat.DEFAULT.builder().setDelimiter(' ')
            .setIgnoreEmptyLines(false).setTrim(true).get();

    private DiabetesFiles() {
    }

    /** The feature rows, each of {@link #COLUMNS} numbers. */
    static List<double[]> features(Path file, byte[] gzipped) {
        return rows(file, gzipped, COLUMNS, "age sex bmi bp s1 s2 s3 s4 s5 s6");
    }

    /** The targets, one per line. */
    static double[] targets(Path file, byte[] gzipped) {
        return rows(file, gzipped, 1, "the disease progression").stream().mapToDouble(r -> r[0]).toArray();
    }

    private static List<double[]> rows(Path file, byte[] gzipped, int columns, String expected) {
        List<double[]> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(gzipped)), StandardCharsets.US_ASCII);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(SPACE_SEPARATED).get()) {
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber();
                if (record.size() != columns) {
                    throw new TransferLabException(file + ": line " + line + " has " + record.size() + " fields, expected "
                            + columns + " separated by single spaces (" + expected + ")");
                }
                double[] row = new double[columns];
                for (int j = 0; j < columns; j++) {
                    row[j] = number(file, line, j, record.get(j));
                }
                rows.add(row);
            }
        } catch (ZipException e) {
            throw new TransferLabException(file + ": not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new TransferLabException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (rows.isEmpty()) {
            throw new TransferLabException(file + ": no data lines");
        }
        return rows;
    }

    private static double number(Path file, long line, int column, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TransferLabException(file + ": line " + line + ", field " + (column + 1) + ": '" + text
                    + "' is not a number", e);
        }
        if (!Double.isFinite(value)) {
            throw new TransferLabException(file + ": line " + line + ", field " + (column + 1) + ": " + text
                    + " is not a finite number");
        }
        return value;
    }
}
