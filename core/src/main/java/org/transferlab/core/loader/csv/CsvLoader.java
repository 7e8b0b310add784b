package org.transferlab.core.loader.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * Any CSV file with a header row, read as a researcher's data comes: the config names the target
 * column, the feature columns and optionally a filter that selects the domain's rows, such as
 * {@code origin = Japan}. A CSV has no published test split, so a seeded split makes one; it is a
 * property of the file and its seed, the same for every cell and every domain of the file.
 *
 * <p><b>The split.</b> It is drawn over all of the file's data rows, before the filter and before any
 * row is dropped for a missing value: {@code round(test-fraction * rows)} of them are held out,
 * stratified by the target column's text for classification and clustering (each value of it, a
 * missing one too, holds out its own share), unstratified for regression. A domain's test partition
 * is the held-out rows that pass its filter and its missing-value policy, its train partition the
 * others; a train share's halves are taken within the file's train rows, stratified the same way. So
 * an unfiltered domain and a filtered one of the same file, two differently filtered ones, or two
 * with different {@code missing}, {@code na-values}, features or {@code categorical}, never hold each
 * other's test rows, and their halves are disjoint: dropping a row removes it from its side, it never
 * moves another row across. Domains of one file that would split it differently (another
 * {@code test-fraction} or {@code split-seed}, or another stratifying target) cannot be paired: see
 * {@link #splitConflict}. Every example is identified by the file's SHA-256 and its data row (from 0).
 *
 * <p><b>Missing values.</b> A cell equal to one of {@code na-values} (after trimming; default
 * {@code "", NA, NaN, ?, null}) is missing. {@code missing: error} (the default) refuses the file,
 * naming the line and column; {@code drop} leaves out each row of the domain with a missing target or
 * feature; {@code impute} leaves out rows with a missing target and fills a missing feature with the
 * mean (numeric) or most frequent category (categorical) of the domain's train partition, never its
 * test rows ({@link TrainImputation}). Cells of columns the domain does not use are never looked at.
 *
 * <p><b>Categorical features.</b> A feature column listed in {@code categorical} is one-hot encoded
 * with the categories it holds on the train side of the file's split, sorted; a test row with another
 * category gets all zeros for it ({@link OneHotEncoding}). A feature column that is not declared
 * categorical must hold numbers. The class labels of a classification target may be any strings:
 * class {@code i} is the {@code i}-th of the domain's labels in sorted (string) order.
 *
 * <p>The provenance (a run's {@code provenance.csv} and report) records, per domain: the labels in
 * class order, each categorical column's categories, the encoded features, and how many rows and cells
 * each step dropped or imputed, per column, with the values imputed and the test cells of unseen
 * categories. A file that is not UTF-8, a header of one column (a wrong {@code delimiter}), a column
 * name that appears twice, an unclosed quote, a short row, a non-number in a numeric feature, NaN (when
 * it is not a missing value) or infinity, or an empty file is an error that names the file, the line
 * and the column ({@link CsvTable}); a UTF-8 byte order mark is skipped. A file cut short exactly at a
 * row boundary parses cleanly, so the config can record what it expects: the file's SHA-256 and its
 * number of data rows.
 */
public final class CsvLoader implements DomainLoader<CsvLoader.Parameters> {
    public static final String NAME = "csv";
    /** The cells that mean "no value" unless the config says otherwise. */
    public static final List<String> DEFAULT_NA_VALUES = List.of("", "NA", "NaN", "?", "null");

    /**
     * @param file          the CSV file, relative to the data directory and inside it
     * @param target        the target column: a class label (classification, clustering) or a number (regression)
     * @param features      the feature columns; empty means every column but the target and the filter's
     * @param categorical   the feature columns that hold categories, one-hot encoded (default none)
     * @param task          classification, regression or clustering (default classification)
     * @param filter        {@code column = value}: keep only rows whose column equals value; empty keeps all
     * @param missing       what a missing target or feature value does: error (default), drop or impute
     * @param naValues      the cells that are missing values (default "", NA, NaN, ?, null)
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
            @Default("[]") List<String> categorical,
            @Default("classification") TaskType task,
            @Default("") String filter,
            @Default("error") Missing missing,
            @Default("[\"\", \"NA\", \"NaN\", \"?\", \"null\"]") List<String> naValues,
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
            categorical = List.copyOf(categorical);
            naValues = List.copyOf(naValues);
            java.util.Objects.requireNonNull(task, "task");
            java.util.Objects.requireNonNull(missing, "missing");
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
            checkColumns("features", features, target);
            checkColumns("categorical", categorical, target);
            for (String column : categorical) {
                if (!features.isEmpty() && !features.contains(column)) {
                    throw new IllegalArgumentException("categorical: '" + column + "' is not one of the features ("
                            + String.join(", ", features) + "); list it in features too");
                }
            }
        }

        /** Without recorded checks: the file is not verified beyond parsing. */
        public Parameters(String file, String target, List<String> features, TaskType task, String filter,
                          double testFraction, long splitSeed, String delimiter) {
            this(file, target, features, task, filter, testFraction, splitSeed, delimiter, 0, "");
        }

        /** Numeric features only, and no missing values allowed. */
        public Parameters(String file, String target, List<String> features, TaskType task, String filter,
                          double testFraction, long splitSeed, String delimiter, int rows, String sha256) {
            this(file, target, features, List.of(), task, filter, Missing.ERROR, DEFAULT_NA_VALUES, testFraction, splitSeed,
                    delimiter, rows, sha256);
        }

        private static void checkColumns(String key, List<String> columns, String target) {
            for (int j = 0; j < columns.size(); j++) {
                String column = columns.get(j);
                if (columns.indexOf(column) != j) {
                    throw new IllegalArgumentException(key + ": '" + column + "' is listed twice");
                }
                if (column.equals(target)) {
                    throw new IllegalArgumentException(key + ": '" + column + "' is the target column; a feature must not be "
                            + "the label it predicts");
                }
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
        CsvTable table = CsvTable.parse(file, bytes, p.delimiter().charAt(0));
        CsvColumns columns = CsvColumns.resolve(table, p);
        if (p.rows() != 0 && table.rows().size() != p.rows()) {
            throw new TransferLabException(file + ": has " + table.rows().size() + " data rows, but key 'rows' expects " + p.rows()
                    + "; the file was cut short or changed since the config was written");
        }
        DomainRows rows = DomainRows.read(table, columns, p);
        if (rows.matching == 0) {
            throw new TransferLabException(file + ": no data rows" + (p.filter().isEmpty() ? "" : " match filter '" + p.filter() + "'"));
        }

        // One split of the file, whatever the domain's filter, features or missing-value policy: rows are
        // dropped from their side of it afterwards, so no domain of the file moves a row across.
        int[] strata = strata(table, columns, p);
        int[][] split = RowSplit.stratified(strata, p.testFraction(), p.splitSeed());
        boolean[] trainSide = mark(strata.length, split[0]);
        boolean[] inTrain = mark(strata.length, RowSplit.share(split[0], strata, context.share()));
        boolean[] inTest = mark(strata.length, split[1]);
        int[] train = IntStream.range(0, rows.size()).filter(i -> inTrain[rows.fileRows.get(i)]).toArray();
        int[] test = IntStream.range(0, rows.size()).filter(i -> inTest[rows.fileRows.get(i)]).toArray();
        String splitText = "test-fraction " + p.testFraction() + ", split-seed " + p.splitSeed() + ", over the file's "
                + strata.length + " rows" + (p.task() == TaskType.REGRESSION ? "" : ", stratified by '" + p.target() + "'");
        requireBothSides(file, p, context, rows, train.length, test.length, splitText);

        TrainImputation imputation = p.missing() == Missing.IMPUTE ? TrainImputation.fill(rows, columns, train, file.toString()) : null;
        OneHotEncoding encoding = OneHotEncoding.of(table, columns, trainSide, Set.copyOf(p.naValues()));
        boolean[] isTest = new boolean[rows.size()];
        for (int i : test) {
            isTest[i] = true;
        }
        float[] x = encoding.encode(rows, isTest);
        int[] ofFile = rows.fileRows.stream().mapToInt(Integer::intValue).toArray();
        List<String> classNames = p.task() == TaskType.REGRESSION ? List.of() : List.copyOf(new TreeSet<>(rows.targets));
        Examples all = examples(file, p, encoding.width(), x, rows, classNames)
                .withIds(ExampleIds.of(ExampleOrigin.ofFile(sha256, file), ofFile));

        CsvProvenance provenance = new CsvProvenance(file, sha256, p, columns, rows, encoding, imputation);
        return new Domain(name, p.task(), classNames, FeatureShape.flat(encoding.width()), all.subset(train),
                new TestPartition(name, all.subset(test)), provenance.map(classNames, strata.length, train.length, test.length,
                splitText, context.share()));
    }

    /** Each data row's stratum: the rank of its target's text among the file's (missing ones too), or 0 for regression. */
    private static int[] strata(CsvTable table, CsvColumns columns, Parameters p) {
        int[] strata = new int[table.rows().size()];
        if (p.task() == TaskType.REGRESSION) {
            return strata;
        }
        List<String> values = List.copyOf(table.rows().stream().map(r -> r.cells()[columns.target()])
                .collect(Collectors.toCollection(TreeSet::new)));
        for (int r = 0; r < strata.length; r++) {
            strata[r] = Collections.binarySearch(values, table.rows().get(r).cells()[columns.target()]);
        }
        return strata;
    }

    private static void requireBothSides(Path file, Parameters p, LoadContext context, DomainRows rows, int train, int test,
                                         String splitText) {
        if (test > 0 && train > 0) {
            return;
        }
        int dropped = rows.droppedMissingTarget + rows.droppedMissingFeatures;
        String left = " left after dropping " + dropped + " with missing values";
        String described = p.filter().isEmpty() ? "the file's " + rows.size() + " rows" + (dropped == 0 ? "" : left)
                : "the " + rows.size() + " rows that match filter '" + p.filter() + "'" + (dropped == 0 ? "" : " and are" + left);
        throw new TransferLabException(file + ": none of " + described + " falls in the "
                + (test == 0 ? "test partition" : "train partition" + (context.share() == TrainShare.ALL ? ""
                : " (" + context.share().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")"))
                + " of the file's split (" + splitText + "); a domain needs rows on both sides: "
                + "change test-fraction or split-seed, or widen the filter");
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Examples examples(Path file, Parameters p, int d, float[] x, DomainRows rows, List<String> classNames) {
        if (p.task() != TaskType.REGRESSION) {
            return Examples.classified(x, d, rows.targets.stream().mapToInt(t -> Collections.binarySearch(classNames, t))
                    .toArray());
        }
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            String target = rows.targets.get(i);
            try {
                y[i] = Double.parseDouble(target);
            } catch (NumberFormatException e) {
                throw new TransferLabException(file + ": line " + rows.lines.get(i) + ", target column '" + p.target() + "' has '"
                        + target + "', not a number; a regression target must be numeric", e);
            }
            if (!Double.isFinite(y[i])) {
                throw new TransferLabException(file + ": line " + rows.lines.get(i) + ", target column '" + p.target() + "' has "
                        + target + ", not a finite number");
            }
        }
        return Examples.valued(x, d, y);
    }

    private static boolean[] mark(int size, int[] rows) {
        boolean[] marked = new boolean[size];
        for (int r : rows) {
            marked[r] = true;
        }
        return marked;
    }
}
