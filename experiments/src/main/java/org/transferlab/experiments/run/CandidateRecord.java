package org.transferlab.experiments.run;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferlab.core.TransferLabException;

/**
 * One parameter candidate of a cell that had several, as the run keeps it ({@code cells/ID.candidates.csv}, and all of
 * them in {@code candidates.csv}): what every way of choosing said about it, and, measured only after the cell had kept
 * one, its test score. The test scores are there for the report's selection table alone (the oracle, the candidate a
 * reader with the test labels would have kept); nothing chooses by them.
 *
 * @param cellId     the cell's id
 * @param candidate  the candidate's place in the strategy's list, from 1
 * @param parameters the candidate's parameters, as text
 * @param kept       whether the cell kept it
 * @param validation the score on the budget's labelled validation split (accuracy), NaN where the budget has none
 * @param validators each registered validator's score, by name; NaN where it had nothing to score
 * @param test       the test score on the task's primary metric
 */
public record CandidateRecord(String cellId, int candidate, String parameters, boolean kept, double validation,
                              Map<String, Double> validators, double test) {
    public static final String FILE = "candidates.csv";
    private static final List<String> COLUMNS = List.of("cell_id", "candidate", "parameters", "kept", "measure", "score");
    /** The measure of the labelled validation split. */
    public static final String VALIDATION = "target-validation";
    /** The measure of the test partition. */
    public static final String TEST = "test";

    public CandidateRecord {
        validators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validators));
    }

    /** The records as CSV, one row per candidate and measure: long, so that a validator added later is a new value, not a new column. */
    public static String csv(List<CandidateRecord> records) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (CandidateRecord r : records) {
                printer.printRecord(r.cellId, r.candidate, r.parameters, r.kept, VALIDATION, number(r.validation));
                for (Map.Entry<String, Double> v : r.validators.entrySet()) {
                    printer.printRecord(r.cellId, r.candidate, r.parameters, r.kept, v.getKey(), number(v.getValue()));
                }
                printer.printRecord(r.cellId, r.candidate, r.parameters, r.kept, TEST, number(r.test));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The records of a file {@link #csv} wrote, in its order; an unreadable or odd file is an error naming it and the line. */
    public static List<CandidateRecord> read(Path file) {
        Map<String, Builder> byCandidate = new LinkedHashMap<>();
        int line = 1;
        for (Map<String, String> row : CsvRows.read(file)) {
            line++;
            try {
                String key = row.get("cell_id") + "#" + row.get("candidate");
                Builder b = byCandidate.computeIfAbsent(key, k -> new Builder(row.get("cell_id"),
                        Integer.parseInt(row.get("candidate")), row.get("parameters"), Boolean.parseBoolean(row.get("kept"))));
                double score = Double.parseDouble(row.get("score"));
                switch (row.get("measure")) {
                    case VALIDATION -> b.validation = score;
                    case TEST -> b.test = score;
                    default -> b.validators.put(row.get("measure"), score);
                }
            } catch (RuntimeException e) {
                throw new TransferLabException(file + ": line " + line + ": not a candidate record (" + e.getMessage()
                        + "); expected columns " + String.join(",", COLUMNS), e);
            }
        }
        List<CandidateRecord> records = new ArrayList<>();
        byCandidate.values().forEach(b -> records.add(new CandidateRecord(b.cell, b.candidate, b.parameters, b.kept,
                b.validation, b.validators, b.test)));
        return records;
    }

    private static final class Builder {
        private final String cell;
        private final int candidate;
        private final String parameters;
        private final boolean kept;
        private final Map<String, Double> validators = new LinkedHashMap<>();
        private double validation = Double.NaN;
        private double test = Double.NaN;

        Builder(String cell, int candidate, String parameters, boolean kept) {
            this.cell = cell;
            this.candidate = candidate;
            this.parameters = parameters;
            this.kept = kept;
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.6g", value);
    }
}
