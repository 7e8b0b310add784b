package org.transferlab.experiments.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.transferlab.core.TransferLabException;

/**
 * A CSV file with a header row, read as rows of column to text: for the small tables whose readers turn them
 * into types ({@code provenance.csv}, learning curves) and for tests that check a file's columns as written.
 * Results are read with {@link ResultsCsv}.
 */
public final class CsvRows {
    private CsvRows() {
    }

    /** The file's rows, each column to its text; a row with the wrong number of fields is an error naming its line. */
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
        } catch (IOException | IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new TransferLabException(file + ": cannot be read as a table (" + e.getMessage() + ")", e);
        }
    }
}
