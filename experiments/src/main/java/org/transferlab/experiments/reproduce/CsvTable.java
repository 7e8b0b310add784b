package org.transferlab.experiments.reproduce;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferlab.core.TransferLabException;

/** A CSV table a reproduction builds row by row and writes once, with a fixed header. */
public final class CsvTable {
    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    public CsvTable(String... header) {
        this.header = List.of(header);
    }

    public synchronized void add(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException(values.length + " values for the " + header.size() + " columns " + header);
        }
        rows.add(List.of(values));
    }

    public synchronized List<List<Object>> rows() {
        return List.copyOf(rows);
    }

    public synchronized void write(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                     .setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new TransferLabException(file + ": cannot write the table (" + e + ")", e);
        }
    }
}
