package org.transferlab.core.loader.diabetes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.SplitConflict;
import org.transferlab.core.loader.TrainShare;
import org.transferlab.core.loader.published.PublishedDataSet;
import org.transferlab.core.loader.published.PublishedFixtures;

class DiabetesLoaderTest {
    /** The first six patients of scikit-learn's diabetes_data_raw.csv, and two more of sex 1. */
    private static final String FEATURES = """
            59 2 32.1 101.0 157 93.2 38.0 4.0 4.8598 87
            48 1 21.6 87.0 183 103.2 70.0 3.0 3.8918 69
            72 2 30.5 93.0 156 93.6 41.0 4.0 4.6728 85
            24 1 25.3 84.0 198 131.4 40.0 5.0 4.8903 89
            50 1 23.0 101.0 192 125.4 52.0 4.0 4.2905 80
            23 1 22.6 89.0 139 64.8 61.0 2.0 4.1897 68
            36 1 22.0 90.0 160 99.6 50.0 3.0 3.9512 82
            66 1 26.2 114.0 255 185.0 56.0 4.55 4.2485 92
            """;
    private static final String TARGETS = """
            1.510000000000000000e+02
            7.500000000000000000e+01
            1.410000000000000000e+02
            2.060000000000000000e+02
            1.350000000000000000e+02
            9.700000000000000000e+01
            1.380000000000000000e+02
            6.300000000000000000e+01
            """;

    @TempDir
    Path data;

    private PublishedDataSet install(String features, String targets) {
        return PublishedFixtures.install(data, DiabetesLoader.NAME, DiabetesLoader.DATA_FILE, PublishedFixtures.gzip(features),
                DiabetesLoader.TARGET_FILE, PublishedFixtures.gzip(targets));
    }

    private Domain load(String features, String targets, int sex, TrainShare share) {
        return new DiabetesLoader(install(features, targets)).load("patients", new DiabetesLoader.Parameters(sex, 0.3, 0),
                new LoadContext(data, share));
    }

    private Path file(String name) {
        return data.resolve("diabetes").resolve(name);
    }

    private static Set<Double> targets(Examples examples) {
        Set<Double> values = new HashSet<>();
        for (double v : examples.values()) {
            values.add(v);
        }
        return values;
    }

    @Test
    void aDomainIsThePatientsOfOneSexWithoutTheSexColumn() {
        Domain women = load(FEATURES, TARGETS, 2, TrainShare.ALL);
        assertEquals(TaskType.REGRESSION, women.task());
        assertEquals(9, women.train().featureCount());
        Examples both = women.train().concat(women.test().open());
        assertEquals(Set.of(151.0, 141.0), targets(both));
        int row = both.valueOf(0) == 151.0 ? 0 : 1;
        float[] features = new float[9];
        for (int j = 0; j < 9; j++) {
            features[j] = both.feature(row, j);
        }
        assertArrayEquals(new float[] {59, 32.1f, 101, 157, 93.2f, 38, 4, 4.8598f, 87}, features);
        assertEquals("2", women.provenance().get("rows"));
        assertEquals("8", women.provenance().get("rows-in-file"));

        Domain men = load(FEATURES, TARGETS, 1, TrainShare.ALL);
        assertEquals(6, men.train().size() + men.test().size());
        assertEquals(2, men.test().size(), "round(0.3 * 6)");
        assertEquals(Set.of(75.0, 206.0, 135.0, 97.0, 138.0, 63.0), targets(men.train().concat(men.test().open())));
    }

    @Test
    void theHalvesOfTheTrainPartitionAreDisjoint() {
        Set<Double> all = targets(load(FEATURES, TARGETS, 1, TrainShare.ALL).train());
        Set<Double> first = targets(load(FEATURES, TARGETS, 1, TrainShare.FIRST_HALF).train());
        Set<Double> second = targets(load(FEATURES, TARGETS, 1, TrainShare.SECOND_HALF).train());
        assertEquals(2, first.size());
        assertEquals(2, second.size());
        Set<Double> union = new HashSet<>(first);
        union.addAll(second);
        assertEquals(all, union);
        assertTrue(new DiabetesLoader().sharesExamples(new DiabetesLoader.Parameters(1, 0.3, 0), new DiabetesLoader.Parameters(1, 0.5, 3)));
        assertFalse(new DiabetesLoader().sharesExamples(new DiabetesLoader.Parameters(1, 0.3, 0), new DiabetesLoader.Parameters(2, 0.3, 0)));
    }

    @Test
    void patientsAreIdentifiedByTheFeatureFileAndTheirLine() {
        Domain men = load(FEATURES, TARGETS, 1, TrainShare.ALL);
        ExampleIds ids = men.train().ids().orElseThrow().concat(men.test().ids().orElseThrow());
        Examples both = men.train().concat(men.test().open());
        double[] byLine = TARGETS.lines().mapToDouble(Double::parseDouble).toArray();
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(byLine[ids.get(i).row()], both.valueOf(i));
        }
        Set<Integer> lines = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            lines.add(ids.get(i).row());
        }
        assertEquals(Set.of(1, 3, 4, 5, 6, 7), lines, "the lines of sex 1, from 0");
    }

    @Test
    void domainsMustAgreeOnTheFilesSplit() {
        DiabetesLoader loader = new DiabetesLoader();
        assertEquals(Optional.empty(), loader.splitConflict(new DiabetesLoader.Parameters(1, 0.3, 0), new DiabetesLoader.Parameters(2, 0.3, 0)));
        assertEquals(Optional.of(new SplitConflict("diabetes/diabetes_data_raw.csv.gz", "split-seed", "0", "3")),
                loader.splitConflict(new DiabetesLoader.Parameters(1, 0.3, 0), new DiabetesLoader.Parameters(1, 0.3, 3)));
        assertEquals(Optional.of(new SplitConflict("diabetes/diabetes_data_raw.csv.gz", "test-fraction", "0.3", "0.5")),
                loader.splitConflict(new DiabetesLoader.Parameters(1, 0.3, 0), new DiabetesLoader.Parameters(2, 0.5, 3)));
    }

    private TransferLabException error(String features, String targets) {
        return assertThrows(TransferLabException.class, () -> load(features, targets, 1, TrainShare.ALL));
    }

    @Test
    void filesOfDifferentLengthsAreAnError() {
        String oneTargetShort = TARGETS.substring(0, TARGETS.lastIndexOf("6.3"));
        TransferLabException e = error(FEATURES, oneTargetShort);
        assertEquals(file(DiabetesLoader.DATA_FILE) + " has 8 lines but " + file(DiabetesLoader.TARGET_FILE)
                + " has 7; they must match line by line", e.getMessage());
    }

    @Test
    void aShortLineNamesTheFileAndLine() {
        TransferLabException e = error(FEATURES.replace("72 2 30.5 93.0 156", "72 2 30.5"), TARGETS);
        assertEquals(file(DiabetesLoader.DATA_FILE) + ": line 3 has 8 fields, expected 10 separated by single spaces "
                + "(age sex bmi bp s1 s2 s3 s4 s5 s6)", e.getMessage());
    }

    @Test
    void aNonNumberNamesTheFileLineAndField() {
        TransferLabException e = error(FEATURES, TARGETS.replace("2.060000000000000000e+02", "high"));
        assertEquals(file(DiabetesLoader.TARGET_FILE) + ": line 4, field 1: 'high' is not a number", e.getMessage());
        e = error(FEATURES.replace("4.2905", "NaN"), TARGETS);
        assertEquals(file(DiabetesLoader.DATA_FILE) + ": line 5, field 9: NaN is not a finite number", e.getMessage());
    }

    @Test
    void anUnknownSexCodeIsNamed() {
        TransferLabException e = error(FEATURES.replace("24 1 25.3", "24 3 25.3"), TARGETS);
        assertEquals(file(DiabetesLoader.DATA_FILE) + ": line 4, field 2 (sex): 3.0, expected 1 or 2", e.getMessage());
    }

    @Test
    void aFileThatIsNotGzipIsNamed() {
        PublishedDataSet published = PublishedFixtures.install(data, DiabetesLoader.NAME, DiabetesLoader.DATA_FILE,
                FEATURES.getBytes(StandardCharsets.US_ASCII), DiabetesLoader.TARGET_FILE, PublishedFixtures.gzip(TARGETS));
        TransferLabException e = assertThrows(TransferLabException.class, () -> new DiabetesLoader(published).load("p",
                new DiabetesLoader.Parameters(1, 0.3, 0), LoadContext.of(data)));
        assertEquals(file(DiabetesLoader.DATA_FILE) + ": not a valid gzip file (Not in GZIP format)", e.getMessage());
    }

    @Test
    void aChangedFileIsRefusedByItsChecksum() throws Exception {
        PublishedDataSet published = install(FEATURES, TARGETS);
        // Both files cut by one line at a line boundary: they still match each other.
        java.nio.file.Files.write(file(DiabetesLoader.DATA_FILE), PublishedFixtures.gzip(FEATURES.substring(0, FEATURES.lastIndexOf("66 1"))));
        TransferLabException e = assertThrows(TransferLabException.class, () -> new DiabetesLoader(published).load("p",
                new DiabetesLoader.Parameters(1, 0.3, 0), LoadContext.of(data)));
        assertTrue(e.getMessage().startsWith(file(DiabetesLoader.DATA_FILE) + ": SHA-256 is "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Run `./transferlab data fetch diabetes` to replace it"), e.getMessage());
    }

    @Test
    void missingFilesSayHowToFetchThem() {
        TransferLabException e = assertThrows(TransferLabException.class, () -> new DiabetesLoader().load("p",
                new DiabetesLoader.Parameters(2, 0.3, 0), LoadContext.of(data)));
        assertEquals(file(DiabetesLoader.DATA_FILE) + ": no such file; run `./transferlab data fetch diabetes` to put the "
                + "diabetes data set into the data directory", e.getMessage());
    }

    @Test
    void theSexMustBeOneOrTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DiabetesLoader.Parameters(0, 0.3, 0));
        assertEquals("sex must be 1 or 2 (the data's two sex codes), got 0", e.getMessage());
    }
}
