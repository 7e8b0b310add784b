package org.transferlab.core.loader.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;

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
        Domain japan = load(CARS, regression("origin = Japan"));
        assertEquals(TaskType.REGRESSION, japan.task());
        assertEquals(2, japan.train().featureCount());
        assertEquals(5, japan.train().size() + japan.test().size());
        assertEquals(1, japan.test().size(), "a quarter of 5 rows, rounded");
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
        assertEquals(data.resolve("cars.csv") + ": line 3, column 'weight': 'heavy' is not a number", e.getMessage());
    }

    @Test
    void nanAndInfinityAreRejected() {
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> load("name,mpg,weight,year,origin\na,18,NaN,70,USA\n", regression("")));
        assertEquals(data.resolve("cars.csv") + ": line 2, column 'weight': NaN is not a finite number", e.getMessage());
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
