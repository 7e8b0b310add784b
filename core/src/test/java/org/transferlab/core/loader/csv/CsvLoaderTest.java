package org.transferlab.core.loader.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.SplitConflict;
import org.transferlab.core.loader.TrainShare;

class CsvLoaderTest {
    @TempDir
    Path data;

    private Domain load(String text, CsvLoader.Parameters parameters) throws IOException {
        Files.writeString(data.resolve("cars.csv"), text);
        return new CsvLoader().load("cars", parameters, LoadContext.of(data));
    }

    private static CsvLoader.Parameters regression(String filter) {
        return new CsvLoader.Parameters("cars.csv", "mpg", List.of("weight", "year"), TaskType.REGRESSION, filter, 0.25, 0, ",");
    }

    private static final String CARS = """
            name,mpg,weight,year,origin
            a,18,3504,70,USA
            b,15,3693,70,USA
            c,24,2372,70,Japan
            d,27,2130,71,Japan
            e,26,1835,70,Europe
            f,31,2065,72,Japan
            g,22,2833,71,Japan
            h,28,1613,71,Japan
            """;

    @Test
    void readsTheChosenColumnsAndFilter() throws IOException {
        CsvLoader.Parameters half = new CsvLoader.Parameters("cars.csv", "mpg", List.of("weight", "year"), TaskType.REGRESSION,
                "origin = Japan", 0.5, 0, ",");
        Domain japan = load(CARS, half);
        assertEquals(TaskType.REGRESSION, japan.task());
        assertEquals(2, japan.train().featureCount());
        assertEquals(5, japan.train().size() + japan.test().size());
        assertTrue(japan.test().size() >= 1 && japan.train().size() >= 1,
                "half of the 8 rows are held out, so each side has at least one of the 5 Japanese cars");
        assertEquals("8", japan.provenance().get("rows-in-file"));
        assertEquals("5", japan.provenance().get("rows"));
    }

    @Test
    void aFilterThatKeepsNoTestRowIsNamed() {
        TransferLabException e = assertThrows(TransferLabException.class, () -> load(CARS, regression("origin = Japan")));
        assertEquals(data.resolve("cars.csv") + ": none of the 5 rows that match filter 'origin = Japan' falls in the test "
                + "partition of the file's split (test-fraction 0.25, split-seed 0, over the file's 8 rows); a domain needs rows "
                + "on both sides: change test-fraction or split-seed, or widen the filter", e.getMessage());
    }

    @Test
    void classificationTargetsBecomeSortedClassNames() throws IOException {
        Domain origins = load(CARS, new CsvLoader.Parameters("cars.csv", "origin", List.of("mpg", "weight"),
                TaskType.CLASSIFICATION, "", 0.25, 0, ","));
        assertEquals(List.of("Europe", "Japan", "USA"), origins.classNames());
    }

    @Test
    void theSplitIsSeededAndReproducible() throws IOException {
        Domain first = load(CARS, regression(""));
        Domain second = load(CARS, regression(""));
        assertEquals(java.util.Arrays.toString(first.train().values()), java.util.Arrays.toString(second.train().values()));
    }

    /** 40 cars, each with its own id (a feature), so a test can tell which rows a partition holds. */
    private static String numbered() {
        StringBuilder csv = new StringBuilder("id,mpg,weight,origin\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(',').append(15 + i % 17).append(',').append(2000 + 37 * i).append(',')
                    .append(i % 3 == 0 ? "Japan" : "USA").append('\n');
        }
        return csv.toString();
    }

    private Domain loadNumbered(String filter, TrainShare share) throws IOException {
        Files.writeString(data.resolve("numbered.csv"), numbered());
        return new CsvLoader().load(filter.isEmpty() ? "all" : "japan", new CsvLoader.Parameters("numbered.csv", "mpg",
                List.of("id", "weight"), TaskType.REGRESSION, filter, 0.3, 0, ","), new LoadContext(data, share));
    }

    private static Set<Integer> ids(Examples examples) {
        Set<Integer> ids = new TreeSet<>();
        for (int i = 0; i < examples.size(); i++) {
            ids.add((int) examples.feature(i, 0));
        }
        return ids;
    }

    private static Set<Integer> common(Set<Integer> a, Set<Integer> b) {
        Set<Integer> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    @Test
    void anUnfilteredSourceNeverTrainsOnAFilteredTargetsTestRowsNorOnItsTrainHalf() throws IOException {
        Domain all = loadNumbered("", TrainShare.FIRST_HALF);
        Domain japan = loadNumbered("origin = Japan", TrainShare.SECOND_HALF);
        assertEquals(Set.of(), common(ids(all.train()), ids(japan.test().open())),
                "the source's train half holds none of the target's test rows");
        assertEquals(Set.of(), common(ids(all.train()), ids(japan.train())), "the two halves are disjoint");
        assertEquals(Set.of(), common(ids(all.train()), ids(loadNumbered("origin = Japan", TrainShare.ALL).test().open())));
    }

    @Test
    void theFileIsSplitOnceWhateverTheFilter() throws IOException {
        Domain all = loadNumbered("", TrainShare.ALL);
        Domain japan = loadNumbered("origin = Japan", TrainShare.ALL);
        Set<Integer> japanese = new TreeSet<>();
        for (int i = 0; i < 40; i += 3) {
            japanese.add(i);
        }
        assertEquals(common(ids(all.test().open()), japanese), ids(japan.test().open()),
                "the filtered domain's test rows are the file's test rows that pass the filter");
        assertEquals(common(ids(all.train()), japanese), ids(japan.train()));
        assertEquals(12, all.test().size(), "round(0.3 * 40) rows of the file are held out");
        Set<Integer> halves = new TreeSet<>(ids(loadNumbered("origin = Japan", TrainShare.FIRST_HALF).train()));
        Set<Integer> second = ids(loadNumbered("origin = Japan", TrainShare.SECOND_HALF).train());
        assertEquals(Set.of(), common(halves, second));
        halves.addAll(second);
        assertEquals(ids(japan.train()), halves, "the halves together are the domain's train partition");
    }

    @Test
    void everyExampleIsIdentifiedByTheFilesContentAndItsDataRow() throws Exception {
        Domain japan = loadNumbered("origin = Japan", TrainShare.ALL);
        ExampleIds train = japan.train().ids().orElseThrow();
        for (int i = 0; i < train.size(); i++) {
            assertEquals((int) japan.train().feature(i, 0), train.get(i).row(), "the id column is the data row");
        }
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(numbered().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(ExampleOrigin.ofFile(sha, "anything"), train.origins().get(0));
        Files.createDirectories(data.resolve("copy"));
        Files.writeString(data.resolve("copy/same.csv"), numbered());
        Domain copy = new CsvLoader().load("copy", new CsvLoader.Parameters("copy/same.csv", "mpg", List.of("id"),
                TaskType.REGRESSION, "", 0.3, 0, ","), LoadContext.of(data));
        assertEquals(train.origins(), copy.test().ids().orElseThrow().origins(), "a copy of a file is the same data");
    }

    @Test
    void aClassificationSplitIsStratifiedByTheTargetOverTheWholeFile() throws IOException {
        Files.writeString(data.resolve("numbered.csv"), numbered());
        CsvLoader.Parameters byOrigin = new CsvLoader.Parameters("numbered.csv", "origin", List.of("id"),
                TaskType.CLASSIFICATION, "", 0.3, 0, ",");
        Domain origins = new CsvLoader().load("origins", byOrigin, LoadContext.of(data));
        assertEquals(List.of("Japan", "USA"), origins.classNames());
        assertEquals(List.of(4, 8), java.util.Arrays.stream(origins.test().open().classCounts(2)).boxed().toList(),
                "round(0.3 * 14) Japanese and round(0.3 * 26) American cars");
    }

    @Test
    void domainsOfOneFileMustAgreeOnItsSplit() {
        CsvLoader loader = new CsvLoader();
        CsvLoader.Parameters all = new CsvLoader.Parameters("cars.csv", "mpg", List.of(), TaskType.REGRESSION, "", 0.3, 0, ",");
        assertEquals(Optional.empty(), loader.splitConflict(all, new CsvLoader.Parameters("./cars.csv", "mpg", List.of("weight"),
                TaskType.REGRESSION, "origin = Japan", 0.3, 0, ",")), "filters and features do not change the split");
        assertEquals(Optional.of(new SplitConflict("cars.csv", "split-seed", "0", "1")), loader.splitConflict(all,
                new CsvLoader.Parameters("sub/../cars.csv", "mpg", List.of(), TaskType.REGRESSION, "origin = Japan", 0.3, 1, ",")));
        assertEquals(Optional.of(new SplitConflict("cars.csv", "test-fraction", "0.3", "0.2")), loader.splitConflict(all,
                new CsvLoader.Parameters("cars.csv", "mpg", List.of(), TaskType.REGRESSION, "", 0.2, 0, ",")));
        assertEquals(Optional.of(new SplitConflict("cars.csv", "target", "origin", "cylinders")), loader.splitConflict(
                new CsvLoader.Parameters("cars.csv", "origin", List.of(), TaskType.CLASSIFICATION, "", 0.3, 0, ","),
                new CsvLoader.Parameters("cars.csv", "cylinders", List.of(), TaskType.CLUSTERING, "", 0.3, 0, ",")),
                "a classification split is stratified by its target");
        assertEquals(Optional.empty(), loader.splitConflict(all,
                new CsvLoader.Parameters("other.csv", "mpg", List.of(), TaskType.REGRESSION, "", 0.2, 5, ",")));
    }

    @Test
    void domainsOfOneFileShareRowsUnlessTheirFiltersExcludeEachOther() {
        CsvLoader loader = new CsvLoader();
        java.util.function.Function<String, CsvLoader.Parameters> filtered = filter -> new CsvLoader.Parameters("cars.csv", "mpg",
                List.of(), TaskType.REGRESSION, filter, 0.3, 0, ",");
        assertTrue(loader.sharesExamples(filtered.apply(""), filtered.apply("origin = Japan")));
        assertTrue(loader.sharesExamples(filtered.apply("origin = Japan"), filtered.apply("origin=Japan")));
        assertTrue(loader.sharesExamples(filtered.apply("origin = Japan"), filtered.apply("year = 70")),
                "filters on two columns may keep the same rows");
        assertFalse(loader.sharesExamples(filtered.apply("origin = Japan"), filtered.apply("origin = USA")));
        assertFalse(loader.sharesExamples(filtered.apply(""), new CsvLoader.Parameters("other.csv", "mpg", List.of(),
                TaskType.REGRESSION, "", 0.3, 0, ",")));
    }

    @Test
    void aShortRowNamesItsLine() {
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> load("name,mpg,weight,year,origin\na,18,3504,70,USA\nb,15,3693\n", regression("")));
        assertEquals(data.resolve("cars.csv") + ": line 3 has 3 fields, expected 5 (name, mpg, weight, year, origin)", e.getMessage());
    }

    @Test
    void aNonNumberNamesItsLineAndColumn() {
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> load("name,mpg,weight,year,origin\na,18,3504,70,USA\nb,15,heavy,70,USA\n", regression("")));
        assertEquals(data.resolve("cars.csv") + ": line 3, column 'weight': 'heavy' is not a number; if 'weight' holds "
                + "categories, declare it: categorical: [weight]", e.getMessage());
    }

    @Test
    void nanAndInfinityAreRejected() {
        CsvLoader.Parameters nanIsAValue = new CsvLoader.Parameters("cars.csv", "mpg", List.of("weight", "year"), List.of(),
                TaskType.REGRESSION, "", Missing.ERROR, List.of("NA"), 0.25, 0, ",", 0, "");
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> load("name,mpg,weight,year,origin\na,18,NaN,70,USA\n", nanIsAValue));
        assertEquals(data.resolve("cars.csv") + ": line 2, column 'weight': NaN is not a finite number", e.getMessage());
        e = assertThrows(TransferLabException.class, () -> load("name,mpg,weight,year,origin\na,18,NaN,70,USA\n", regression("")));
        assertEquals(data.resolve("cars.csv") + ": line 2, column 'weight': 'NaN' is a missing value (na-values: [\"\", \"NA\", "
                + "\"NaN\", \"?\", \"null\"]); set missing: drop to leave such rows out, or missing: impute to fill it from the "
                + "train partition", e.getMessage(), "NaN is one of the default na-values");
        e = assertThrows(TransferLabException.class,
                () -> load("name,mpg,weight,year,origin\na,18,3000,Infinity,USA\n", regression("")));
        assertEquals(data.resolve("cars.csv") + ": line 2, column 'year': Infinity is not a finite number", e.getMessage());
    }

    @Test
    void anEmptyFileIsReported() {
        TransferLabException e = assertThrows(TransferLabException.class, () -> load("", regression("")));
        assertEquals(data.resolve("cars.csv") + ": empty file; expected a header row naming the columns", e.getMessage());
    }

    @Test
    void anUnknownColumnListsTheHeader() {
        TransferLabException e = assertThrows(TransferLabException.class, () -> load(CARS,
                new CsvLoader.Parameters("cars.csv", "mpg", List.of("wieght"), TaskType.REGRESSION, "", 0.25, 0, ",")));
        assertEquals(data.resolve("cars.csv") + ": no column 'wieght'; the header has name, mpg, weight, year, origin", e.getMessage());
    }

    @Test
    void aFileOutsideTheDataDirectoryIsRefused() {
        for (String escape : new String[] {"../cars.csv", "/etc/passwd", "sub/../../cars.csv"}) {
            TransferLabException e = assertThrows(TransferLabException.class, () -> new CsvLoader().load("x",
                    new CsvLoader.Parameters(escape, "mpg", List.of(), TaskType.REGRESSION, "", 0.25, 0, ","), LoadContext.of(data)));
            assertEquals("file: '" + escape + "' is outside the data directory " + data.toAbsolutePath().normalize()
                    + "; give a path inside it", e.getMessage());
        }
    }

    @Test
    void aMissingFileIsNamed() {
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> new CsvLoader().load("x", regression(""), LoadContext.of(data)));
        assertEquals(data.resolve("cars.csv") + ": no such file (file: cars.csv)", e.getMessage());
    }

    @Test
    void aFileCutAtARowBoundaryIsCaughtByItsRecordedRowCountOrChecksum() throws Exception {
        String cut = CARS.substring(0, CARS.indexOf("g,22"));
        TransferLabException e = assertThrows(TransferLabException.class, () -> load(cut,
                new CsvLoader.Parameters("cars.csv", "mpg", List.of("weight", "year"), TaskType.REGRESSION, "", 0.25, 0, ",", 8, "")));
        assertEquals(data.resolve("cars.csv") + ": has 6 data rows, but key 'rows' expects 8; the file was cut short or "
                + "changed since the config was written", e.getMessage());

        String full = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(CARS.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Domain whole = load(CARS, new CsvLoader.Parameters("cars.csv", "mpg", List.of("weight", "year"), TaskType.REGRESSION, "", 0.25, 0, ",",
                8, full.toUpperCase()));
        assertEquals(full, whole.provenance().get("sha256"), "the checksum is recorded in the provenance");
        e = assertThrows(TransferLabException.class, () -> load(cut,
                new CsvLoader.Parameters("cars.csv", "mpg", List.of("weight", "year"), TaskType.REGRESSION, "", 0.25, 0, ",", 0, full)));
        assertTrue(e.getMessage().startsWith(data.resolve("cars.csv") + ": SHA-256 is "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", but key 'sha256' expects " + full
                + "; the file was cut short, changed or replaced since the config was written"), e.getMessage());
    }

    @Test
    void recordedChecksAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CsvLoader.Parameters("cars.csv",
                "mpg", List.of(), TaskType.REGRESSION, "", 0.25, 0, ",", 0, "abc"));
        assertEquals("sha256 must be 64 hex digits, got 'abc'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CsvLoader.Parameters("cars.csv",
                "mpg", List.of(), TaskType.REGRESSION, "", 0.25, 0, ",", -1, ""));
        assertEquals("rows must be 0 (not checked) or the file's number of data rows, got -1", e.getMessage());
    }
}
