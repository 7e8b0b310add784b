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
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.RowSplit;
import org.transferlab.core.loader.SplitConflict;
import org.transferlab.core.loader.TrainShare;
import org.transferlab.core.plugin.Default;

/**
 * Any CSV file with a header row, read with Apache Commons CSV. The config names the target column,
 * the feature columns (all numeric) and optionally a filter that selects the domain's rows, such as
 * {@code origin = Japan}. A CSV has no published test split, so a seeded split makes one; it is a
 * property of the file and its seed, the same for every cell and every domain of the file.
 *
 * <p>The split is drawn over all of the file's data rows, before the filter: {@code round(test-fraction
 * * rows)} of them are held out, stratified by the target column for classification and clustering
 * (each value of it holds out its own share), unstratified for regression. A domain's test partition
 * is the held-out rows that pass its filter, its train partition the others; a train share's halves
 * are taken within the file's train rows, stratified the same way. So an unfiltered domain and a
 * filtered one of the same file, or two differently filtered ones, never hold each other's test rows,
 * and their halves are disjoint. Domains of one file that would split it differently (another
 * {@code test-fraction} or {@code split-seed}, or another stratifying target) cannot be paired: see
 * {@link #splitConflict}. Every example is identified by the file's SHA-256 and its data row (from 0).
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
     * @param testFraction  the share of the file's rows (all of them, before the filter) held out as the test
     *                      partition, in (0, 1) (default 0.3); every domain of the file must give the same
     * @param splitSeed     the seed of that split (default 0); every domain of the file must give the same
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

    /**
     * Two domains of one file share rows unless their filters provably exclude each other: both name
     * the same column with different values. (Filters on different columns may select common rows.)
     */
    @Override
    public boolean sharesExamples(Parameters first, Parameters second) {
        if (!sameFile(first, second)) {
            return false;
        }
        if (first.filter().isEmpty() || second.filter().isEmpty()) {
            return true;
        }
        return !first.filterColumn().equals(second.filterColumn()) || first.filterValue().equals(second.filterValue());
    }

    /** Domains of one file must draw the same split of it: the same fraction, seed and stratification. */
    @Override
    public Optional<SplitConflict> splitConflict(Parameters first, Parameters second) {
        if (!sameFile(first, second)) {
            return Optional.empty();
        }
        String file = first.file();
        return SplitConflict.compare(file, "test-fraction", first.testFraction(), second.testFraction())
                .or(() -> SplitConflict.compare(file, "split-seed", first.splitSeed(), second.splitSeed()))
                .or(() -> SplitConflict.compare(file, "task", stratifiedLabel(first), stratifiedLabel(second)))
                .or(() -> SplitConflict.compare(file, "target", stratum(first), stratum(second)));
    }

    /** The same file as the config writes it, {@code ./a.csv} and {@code a.csv} alike; copies are told by their identities. */
    private static boolean sameFile(Parameters first, Parameters second) {
        try {
            return Path.of(first.file()).normalize().equals(Path.of(second.file()).normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return first.file().equals(second.file());
        }
    }

    /** Whether the split is stratified by the target: the task as far as the split is concerned. */
    private static String stratifiedLabel(Parameters p) {
        return p.task() == TaskType.REGRESSION ? "regression" : "classification or clustering";
    }

    /** The column that stratifies the split, or none. */
    private static String stratum(Parameters p) {
        return p.task() == TaskType.REGRESSION ? "(none)" : p.target();
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
            List<Integer> fileRows = new ArrayList<>();
            List<String> fileTargets = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new TransferLabException(file + ": line " + record.getParser().getCurrentLineNumber() + " has "
                            + record.size() + " fields, expected " + header.size() + " (" + String.join(", ", header) + ")");
                }
                // Every row's target, filtered or not: the file's split is stratified by it, for every domain alike.
                fileTargets.add(record.get(p.target()));
                if (p.filterColumn() != null && !p.filterValue().equals(record.get(p.filterColumn()))) {
                    continue;
                }
                float[] x = new float[featureColumns.size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = number(file, record, featureColumns.get(j));
                }
                rows.add(x);
                targets.add(record.get(p.target()));
                fileRows.add(fileTargets.size() - 1);
            }
            int dataRows = fileTargets.size();
            if (p.rows() != 0 && dataRows != p.rows()) {
                throw new TransferLabException(file + ": has " + dataRows + " data rows, but key 'rows' expects " + p.rows()
                        + "; the file was cut short or changed since the config was written");
            }
            if (rows.isEmpty()) {
                throw new TransferLabException(file + ": no data rows" + (p.filter().isEmpty() ? "" : " match filter '" + p.filter() + "'"));
            }
            int[] ofFile = fileRows.stream().mapToInt(Integer::intValue).toArray();
            Examples all = examples(file, p, featureColumns.size(), rows, targets)
                    .withIds(ExampleIds.of(ExampleOrigin.ofFile(sha256, file), ofFile));
            List<String> classNames = p.task() == TaskType.REGRESSION ? List.of() : classNames(targets);
            return domain(name, p, context, file, sha256, featureColumns, classNames, all, ofFile, fileTargets);
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

    private static Examples examples(Path file, Parameters p, int d, List<float[]> rows, List<String> targets) {
        float[] x = new float[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * d, d);
        }
        if (p.task() != TaskType.REGRESSION) {
            List<String> names = classNames(targets);
            return Examples.classified(x, d, targets.stream().mapToInt(names::indexOf).toArray());
        }
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
        return Examples.valued(x, d, y);
    }

    private static List<String> classNames(List<String> targets) {
        return List.copyOf(new TreeSet<>(targets));
    }

    /**
     * The domain's rows on each side of the file's split: {@code all} holds the rows that pass the
     * filter, {@code fileRows} their data rows in the file; {@code fileTargets} has every row's target.
     */
    private static Domain domain(String name, Parameters p, LoadContext context, Path file, String sha256,
                                 List<String> featureColumns, List<String> classNames, Examples all, int[] fileRows,
                                 List<String> fileTargets) {
        int[] strata = new int[fileTargets.size()];
        if (p.task() != TaskType.REGRESSION) {
            List<String> values = classNames(fileTargets);
            for (int r = 0; r < strata.length; r++) {
                strata[r] = java.util.Collections.binarySearch(values, fileTargets.get(r));
            }
        }
        int[][] split = RowSplit.stratified(strata, p.testFraction(), p.splitSeed());
        boolean[] inTrain = mark(strata.length, RowSplit.share(split[0], strata, context.share()));
        boolean[] inTest = mark(strata.length, split[1]);
        int[] train = IntStream.range(0, all.size()).filter(i -> inTrain[fileRows[i]]).toArray();
        int[] test = IntStream.range(0, all.size()).filter(i -> inTest[fileRows[i]]).toArray();
        String splitText = "test-fraction " + p.testFraction() + ", split-seed " + p.splitSeed() + ", over the file's "
                + strata.length + " rows" + (p.task() == TaskType.REGRESSION ? "" : ", stratified by '" + p.target() + "'");
        String rows = (p.filter().isEmpty() ? "the file's " + all.size() + " rows" : "the " + all.size()
                + " rows that match filter '" + p.filter() + "'");
        if (test.length == 0 || train.length == 0) {
            throw new TransferLabException(file + ": none of " + rows + " falls in the "
                    + (test.length == 0 ? "test partition" : "train partition" + (context.share() == TrainShare.ALL ? ""
                    : " (" + context.share().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")"))
                    + " of the file's split (" + splitText + "); a domain needs rows on both sides: "
                    + "change test-fraction or split-seed, or widen the filter");
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("file", file.toString());
        provenance.put("sha256", sha256);
        provenance.put("features", String.join(",", featureColumns));
        provenance.put("filter", p.filter());
        provenance.put("rows-in-file", Integer.toString(strata.length));
        provenance.put("rows", Integer.toString(all.size()));
        provenance.put("train-rows", Integer.toString(train.length));
        provenance.put("test-rows", Integer.toString(test.length));
        provenance.put("split", splitText);
        provenance.put("train-share", context.share().name());
        return new Domain(name, p.task(), classNames, FeatureShape.flat(featureColumns.size()), all.subset(train),
                new TestPartition(name, all.subset(test)), provenance);
    }

    private static boolean[] mark(int size, int[] rows) {
        boolean[] marked = new boolean[size];
        for (int r : rows) {
            marked[r] = true;
        }
        return marked;
    }
}
