package org.transferlab.core.loader.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.RowSplit;
import org.transferlab.core.plugin.Default;

/**
 * Any CSV file with a header row, read with Apache Commons CSV. The config names the target column,
 * the feature columns (all numeric) and optionally a filter that selects the domain's rows, such as
 * {@code origin = Japan}. A CSV has no published test split, so a seeded split (stratified by class
 * for classification) makes one; it is a property of the data, the same for every cell.
 *
 * <p>A short row, a non-number in a feature column, NaN or infinity, or an empty file is an error
 * that names the file, the line and the column. A file cut short exactly at a row boundary parses
 * cleanly, so the config can record what it expects: the file's SHA-256 and its number of data rows.
 */
public final class CsvLoader implements DomainLoader<CsvLoader.Parameters> {
    public static final String NAME = "csv";

    /**
     * @param file          the CSV file, relative to the data directory and inside it
     * @param target        the target column: a class label (classification, clustering) or a number (regression)
     * @param features      the numeric feature columns; empty means every column but the target and the filter's
     * @param task          classification, regression or clustering (default classification)
     * @param filter        {@code column = value}: keep only rows whose column equals value; empty keeps all
     * @param testFraction  the share of rows held out as the test partition, in (0, 1) (default 0.3)
     * @param splitSeed     the seed of that split (default 0)
     * @param delimiter     the field separator, one character (default ",")
     * @param rows          the number of data rows (all of them, before the filter) the file must have;
     *                      0 (the default) does not check
     * @param sha256        the hex SHA-256 the file's bytes must have; empty (the default) does not check
     */
    public record Parameters(
            String file,
            String target,
            @Default("[]") List<String> features,
            @Default("classification") TaskType task,
            @Default("") String filter,
            @Default("0.3") double testFraction,
            @Default("0") long splitSeed,
            @Default(",") String delimiter,
            @Default("0") int rows,
            @Default("") String sha256) {
        public Parameters {
            if (file == null || file.isBlank()) {
                throw new IllegalArgumentException("file: a CSV file is required");
            }
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("target: the target column is required");
            }
            features = List.copyOf(features);
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("test-fraction must be in (0, 1), got " + testFraction);
            }
            if (delimiter.length() != 1) {
                throw new IllegalArgumentException("delimiter must be one character, got '" + delimiter + "'");
            }
            if (!filter.isEmpty() && !filter.contains("=")) {
                throw new IllegalArgumentException("filter must read 'column = value', got '" + filter + "'");
            }
            if (rows < 0) {
                throw new IllegalArgumentException("rows must be 0 (not checked) or the file's number of data rows, got " + rows);
            }
            if (!sha256.isEmpty() && !sha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("sha256 must be 64 hex digits, got '" + sha256 + "'");
            }
            sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
        }

        /** Without recorded checks: the file is not verified beyond parsing. */
        public Parameters(String file, String target, List<String> features, TaskType task, String filter,
                          double testFraction, long splitSeed, String delimiter) {
            this(file, target, features, task, filter, testFraction, splitSeed, delimiter, 0, "");
        }

        String filterColumn() {
            return filter.isEmpty() ? null : filter.substring(0, filter.indexOf('=')).strip();
        }

        String filterValue() {
            return filter.isEmpty() ? null : filter.substring(filter.indexOf('=') + 1).strip();
        }
    }

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    @Override
    public TaskType task(Parameters parameters) {
        return parameters.task();
    }

    @Override
    public boolean sharesExamples(Parameters first, Parameters second) {
        return first.file().equals(second.file()) && (first.filter().isEmpty() || second.filter().isEmpty()
                || first.filter().equals(second.filter()));
    }

    @Override
    public Domain load(String name, Parameters p, LoadContext context) {
        Path root = context.dataDirectory().toAbsolutePath().normalize();
        Path file = root.resolve(p.file()).normalize();
        if (!file.startsWith(root)) {
            // A shared config may only describe data, never point the loader at files outside the data directory.
            throw new TransferLabException("file: '" + p.file() + "' is outside the data directory " + root
                    + "; give a path inside it");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(p.delimiter().charAt(0)).setHeader()
                .setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TransferLabException(file + ": no such file (file: " + p.file() + ")", e);
        } catch (IOException e) {
            throw new TransferLabException(file + ": cannot be read (" + e + ")", e);
        }
        String sha256 = sha256(bytes);
        if (!p.sha256().isEmpty() && !p.sha256().equals(sha256)) {
            throw new TransferLabException(file + ": SHA-256 is " + sha256 + ", but key 'sha256' expects " + p.sha256()
                    + "; the file was cut short, changed or replaced since the config was written");
        }
        try (Reader reader = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.newDecoder());
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new TransferLabException(file + ": empty file; expected a header row naming the columns");
            }
            List<String> featureColumns = featureColumns(file, header, p);
            List<float[]> rows = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            int dataRows = 0;
            for (CSVRecord record : parser) {
                dataRows++;
                if (record.size() != header.size()) {
                    throw new TransferLabException(file + ": line " + record.getParser().getCurrentLineNumber() + " has "
                            + record.size() + " fields, expected " + header.size() + " (" + String.join(", ", header) + ")");
                }
                if (p.filterColumn() != null && !p.filterValue().equals(record.get(p.filterColumn()))) {
                    continue;
                }
                float[] x = new float[featureColumns.size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = number(file, record, featureColumns.get(j));
                }
                rows.add(x);
                targets.add(record.get(p.target()));
            }
            if (p.rows() != 0 && dataRows != p.rows()) {
                throw new TransferLabException(file + ": has " + dataRows + " data rows, but key 'rows' expects " + p.rows()
                        + "; the file was cut short or changed since the config was written");
            }
            if (rows.isEmpty()) {
                throw new TransferLabException(file + ": no data rows" + (p.filter().isEmpty() ? "" : " match filter '" + p.filter() + "'"));
            }
            return domain(name, p, file, sha256, featureColumns, rows, targets);
        } catch (MalformedInputException e) {
            throw new TransferLabException(file + ": not UTF-8 text", e);
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().contains("header")) {
                throw new TransferLabException(file + ": malformed header row (" + e.getMessage() + ")", e);
            }
            throw new TransferLabException(file + ": malformed CSV (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> featureColumns(Path file, List<String> header, Parameters p) {
        List<String> wanted = new ArrayList<>(p.features());
        if (wanted.isEmpty()) {
            header.stream().filter(c -> !c.equals(p.target()) && !c.equals(p.filterColumn())).forEach(wanted::add);
        }
        List<String> needed = new ArrayList<>(wanted);
        needed.add(p.target());
        if (p.filterColumn() != null) {
            needed.add(p.filterColumn());
        }
        for (String column : needed) {
            if (!header.contains(column)) {
                throw new TransferLabException(file + ": no column '" + column + "'; the header has " + String.join(", ", header));
            }
        }
        return wanted;
    }

    private static float number(Path file, CSVRecord record, String column) {
        String text = record.get(column);
        long line = record.getParser().getCurrentLineNumber();
        float value;
        try {
            value = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new TransferLabException(file + ": line " + line + ", column '" + column + "': '" + text
                    + "' is not a number", e);
        }
        if (!Float.isFinite(value)) {
            throw new TransferLabException(file + ": line " + line + ", column '" + column + "': " + text
                    + " is not a finite number");
        }
        return value;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Domain domain(String name, Parameters p, Path file, String sha256, List<String> featureColumns,
                                 List<float[]> rows, List<String> targets) {
        int d = featureColumns.size();
        float[] x = new float[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * d, d);
        }
        List<String> classNames = List.of();
        Examples all;
        if (p.task() == TaskType.REGRESSION) {
            double[] y = new double[targets.size()];
            for (int i = 0; i < y.length; i++) {
                try {
                    y[i] = Double.parseDouble(targets.get(i));
                } catch (NumberFormatException e) {
                    throw new TransferLabException(file + ": target column '" + p.target() + "' has '" + targets.get(i)
                            + "', not a number; a regression target must be numeric", e);
                }
                if (!Double.isFinite(y[i])) {
                    throw new TransferLabException(file + ": target column '" + p.target() + "' has " + targets.get(i)
                            + ", not a finite number");
                }
            }
            all = Examples.valued(x, d, y);
        } else {
            classNames = List.copyOf(new TreeSet<>(targets));
            List<String> names = classNames;
            all = Examples.classified(x, d, targets.stream().mapToInt(names::indexOf).toArray());
        }
        int[][] split = split(all, p);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("file", file.toString());
        provenance.put("sha256", sha256);
        provenance.put("features", String.join(",", featureColumns));
        provenance.put("filter", p.filter());
        provenance.put("rows", Integer.toString(all.size()));
        return new Domain(name, p.task(), classNames, FeatureShape.flat(d), all.subset(split[0]),
                new TestPartition(name, all.subset(split[1])), provenance);
    }

    /** Row indices of {train, test}: a seeded split, stratified by class where there are classes. */
    private static int[][] split(Examples all, Parameters p) {
        int[] strata = all.hasClasses() ? all.classes() : new int[all.size()];
        return RowSplit.stratified(strata, p.testFraction(), p.splitSeed());
    }
}
