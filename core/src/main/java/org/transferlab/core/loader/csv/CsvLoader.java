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
 * that names the file, the line and the column.
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
     */
    public record Parameters(
            String file,
            String target,
            @Default("[]") List<String> features,
            @Default("classification") TaskType task,
            @Default("") String filter,
            @Default("0.3") double testFraction,
            @Default("0") long splitSeed,
            @Default(",") String delimiter) {
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
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new TransferLabException(file + ": empty file; expected a header row naming the columns");
            }
            List<String> featureColumns = featureColumns(file, header, p);
            List<float[]> rows = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            for (CSVRecord record : parser) {
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
            if (rows.isEmpty()) {
                throw new TransferLabException(file + ": no data rows" + (p.filter().isEmpty() ? "" : " match filter '" + p.filter() + "'"));
            }
            return domain(name, p, file, featureColumns, rows, targets);
        } catch (NoSuchFileException e) {
            throw new TransferLabException(file + ": no such file (file: " + p.file() + ")", e);
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

    private static Domain domain(String name, Parameters p, Path file, List<String> featureColumns,
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
