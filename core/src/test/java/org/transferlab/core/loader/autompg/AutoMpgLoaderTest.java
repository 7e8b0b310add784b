package org.transferlab.core.loader.autompg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.transferlab.core.loader.autompg.AutoMpgLoader.Missing;
import org.transferlab.core.loader.published.PublishedDataSet;
import org.transferlab.core.loader.published.PublishedFixtures;

class AutoMpgLoaderTest {
    private static final int HORSEPOWER = AutoMpgLoader.FEATURES.indexOf("horsepower");

    @TempDir
    Path data;

    private PublishedDataSet install(byte[] json) {
        return PublishedFixtures.install(data, AutoMpgLoader.NAME, AutoMpgLoader.CARS_JSON, json);
    }

    private Domain load(byte[] json, Origin origin, Missing missing) {
        return load(json, origin, missing, TrainShare.ALL);
    }

    private Domain load(byte[] json, Origin origin, Missing missing, TrainShare share) {
        return new AutoMpgLoader(install(json)).load("cars", new AutoMpgLoader.Parameters(origin, missing, 0.3, 0),
                new LoadContext(data, share));
    }

    private Path file() {
        return data.resolve("auto-mpg").resolve("cars.json");
    }

    private static Set<Double> mpgs(Examples examples) {
        Set<Double> values = new HashSet<>();
        for (double v : examples.values()) {
            values.add(v);
        }
        return values;
    }

    private static int rowOf(Examples examples, double mpg) {
        for (int i = 0; i < examples.size(); i++) {
            if (examples.valueOf(i) == mpg) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void readsSixFeaturesAndMpgOfTheChosenOrigin() {
        Domain japan = load(CarsFixture.json(CarsFixture.CARS), Origin.JAPAN, Missing.DROP);
        assertEquals(TaskType.REGRESSION, japan.task());
        assertEquals(6, japan.train().featureCount());
        assertEquals(1, japan.train().size(), "2 Japanese cars, round(0.3 * 2) = 1 held out");
        assertEquals(1, japan.test().size());
        Examples both = japan.train().concat(japan.test().open());
        assertEquals(Set.of(24.5, 27.0), mpgs(both));
        int row = rowOf(both, 27.0);
        float[] expected = {4, 97, 88, 2130, 14.5f, 1971};
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], both.feature(row, j), AutoMpgLoader.FEATURES.get(j));
        }
        assertEquals("2", japan.provenance().get("rows-of-origin"));
        assertEquals("15", japan.provenance().get("rows-in-file"));
    }

    @Test
    void theOriginSelectsItsCarsOnly() {
        Domain europe = load(CarsFixture.json(CarsFixture.CARS), Origin.EUROPE, Missing.DROP);
        assertEquals(Set.of(26.0, 25.5, 24.0), mpgs(europe.train().concat(europe.test().open())));
        assertEquals("Europe", europe.provenance().get("origin"));
    }

    @Test
    void originsAreReadIgnoringCase() {
        assertEquals(Origin.USA, Origin.parse("usa").orElseThrow());
        assertEquals(Origin.EUROPE, Origin.parse("EUROPE").orElseThrow());
        assertEquals(Origin.JAPAN, Origin.parse(" Japan ").orElseThrow());
        assertTrue(Origin.parse("Mars").isEmpty());
    }

    @Test
    void dropLeavesOutRowsWithoutMpgAndRowsWithAMissingFeature() {
        Domain usa = load(CarsFixture.json(CarsFixture.CARS), Origin.USA, Missing.DROP);
        assertEquals(7, usa.train().size() + usa.test().size(), "10 cars, 1 without MPG, 2 without horsepower");
        assertEquals(2, usa.test().size(), "round(0.3 * 7): the file's split holds out 2 of the 7 complete USA cars");
        assertEquals("10", usa.provenance().get("rows-of-origin"));
        assertEquals("1", usa.provenance().get("rows-dropped-missing-mpg"));
        assertEquals("horsepower=2", usa.provenance().get("missing-by-feature"));
        assertEquals("2", usa.provenance().get("rows-dropped-missing-features"));
        assertEquals("0", usa.provenance().get("rows-imputed"));
        assertEquals("7", usa.provenance().get("rows"));
        Set<Double> kept = mpgs(usa.train().concat(usa.test().open()));
        assertFalse(kept.contains(25.0) || kept.contains(21.0), "the cars without horsepower are gone");
    }

    @Test
    void imputeKeepsRowsWithAMissingFeatureButNeverRowsWithoutMpg() {
        Domain usa = load(CarsFixture.json(CarsFixture.CARS), Origin.USA, Missing.IMPUTE);
        assertEquals(9, usa.train().size() + usa.test().size(), "10 cars, 1 without MPG");
        assertEquals(3, usa.test().size(), "round(0.3 * 7) complete USA cars and round(0.3 * 2) with a missing feature");
        assertEquals("1", usa.provenance().get("rows-dropped-missing-mpg"));
        assertEquals("0", usa.provenance().get("rows-dropped-missing-features"));
        assertEquals("2", usa.provenance().get("rows-imputed"));
        assertEquals("horsepower=2", usa.provenance().get("missing-by-feature"));
        Examples both = usa.train().concat(usa.test().open());
        for (float value : both.featureMatrix()) {
            assertFalse(Float.isNaN(value), "no missing value is left");
        }
        assertTrue(mpgs(both).containsAll(List.of(25.0, 21.0)));
    }

    @Test
    void theImputedValueIsTheMeanOfTheTrainPartitionsObservedValues() {
        Domain usa = load(CarsFixture.json(CarsFixture.CARS), Origin.USA, Missing.IMPUTE);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < usa.train().size(); i++) {
            double mpg = usa.train().valueOf(i);
            if (mpg != 25.0 && mpg != 21.0) {
                sum += usa.train().feature(i, HORSEPOWER);
                count++;
            }
        }
        float mean = (float) (sum / count);
        assertEquals("horsepower=" + mean, usa.provenance().get("imputed-train-means"));
        Examples both = usa.train().concat(usa.test().open());
        assertEquals(mean, both.feature(rowOf(both, 25.0), HORSEPOWER));
        assertEquals(mean, both.feature(rowOf(both, 21.0), HORSEPOWER));
    }

    @Test
    void aTestRowsValueDoesNotChangeTheImputedValueButATrainRowsDoes() {
        Domain before = load(CarsFixture.json(CarsFixture.CARS), Origin.USA, Missing.IMPUTE);
        String imputed = before.provenance().get("imputed-train-means");
        Set<Double> testMpgs = mpgs(before.test().open());
        int testCar = -1;
        int trainCar = -1;
        for (int i = 0; i < CarsFixture.CARS.size(); i++) {
            CarsFixture.Spec car = CarsFixture.CARS.get(i);
            if (car.origin().equals("USA") && car.mpg() != null && car.horsepower() != null) {
                if (testMpgs.contains(car.mpg())) {
                    testCar = i;
                } else {
                    trainCar = i;
                }
            }
        }
        assertTrue(testCar >= 0 && trainCar >= 0, "the split puts an observed car on each side");

        List<CarsFixture.Spec> changedTest = new ArrayList<>(CarsFixture.CARS);
        changedTest.set(testCar, changedTest.get(testCar).withHorsepower(999.0));
        Domain afterTestChange = load(CarsFixture.json(changedTest), Origin.USA, Missing.IMPUTE);
        assertEquals(testMpgs, mpgs(afterTestChange.test().open()), "the split depends on the cars' strata, not on values");
        assertEquals(imputed, afterTestChange.provenance().get("imputed-train-means"));

        List<CarsFixture.Spec> changedTrain = new ArrayList<>(CarsFixture.CARS);
        changedTrain.set(trainCar, changedTrain.get(trainCar).withHorsepower(999.0));
        Domain afterTrainChange = load(CarsFixture.json(changedTrain), Origin.USA, Missing.IMPUTE);
        assertNotEquals(imputed, afterTrainChange.provenance().get("imputed-train-means"));
    }

    @Test
    void theSplitIsSeededAndTheHalvesAreDisjoint() {
        byte[] json = CarsFixture.json(CarsFixture.CARS);
        Domain all = load(json, Origin.USA, Missing.IMPUTE);
        assertEquals(Arrays.toString(all.train().values()),
                Arrays.toString(load(json, Origin.USA, Missing.IMPUTE).train().values()));
        Set<Double> first = mpgs(load(json, Origin.USA, Missing.IMPUTE, TrainShare.FIRST_HALF).train());
        Set<Double> second = mpgs(load(json, Origin.USA, Missing.IMPUTE, TrainShare.SECOND_HALF).train());
        assertEquals(3, first.size());
        assertEquals(3, second.size());
        Set<Double> union = new HashSet<>(first);
        union.addAll(second);
        assertEquals(mpgs(all.train()), union, "the halves together are the train partition, without overlap");
        AutoMpgLoader loader = new AutoMpgLoader();
        assertTrue(loader.sharesExamples(new AutoMpgLoader.Parameters(Origin.USA, Missing.DROP, 0.3, 0),
                new AutoMpgLoader.Parameters(Origin.USA, Missing.IMPUTE, 0.3, 0)));
        assertFalse(loader.sharesExamples(new AutoMpgLoader.Parameters(Origin.USA, Missing.DROP, 0.3, 0),
                new AutoMpgLoader.Parameters(Origin.JAPAN, Missing.DROP, 0.3, 0)));
    }

    @Test
    void domainsWithDifferentMissingPoliciesShareOneSplitOfTheFile() {
        byte[] json = CarsFixture.json(CarsFixture.CARS);
        Domain dropped = load(json, Origin.USA, Missing.DROP, TrainShare.FIRST_HALF);
        Domain imputed = load(json, Origin.USA, Missing.IMPUTE, TrainShare.SECOND_HALF);
        Set<Double> sourceTrain = mpgs(dropped.train());
        Set<Double> common = new HashSet<>(sourceTrain);
        common.retainAll(mpgs(imputed.test().open()));
        assertEquals(Set.of(), common, "the source's train half holds none of the target's test cars");
        common = new HashSet<>(sourceTrain);
        common.retainAll(mpgs(imputed.train()));
        assertEquals(Set.of(), common, "the halves are disjoint, whatever the missing-value policy");
        Set<Double> droppedTest = mpgs(load(json, Origin.USA, Missing.DROP).test().open());
        Set<Double> imputedTest = mpgs(load(json, Origin.USA, Missing.IMPUTE).test().open());
        assertTrue(imputedTest.containsAll(droppedTest), "imputing only adds the cars with a missing feature to each side");
    }

    @Test
    void everyCarIsIdentifiedByTheFileAndItsRecordIndex() {
        PublishedDataSet published = install(CarsFixture.json(CarsFixture.CARS));
        Domain usa = new AutoMpgLoader(published).load("usa", new AutoMpgLoader.Parameters(Origin.USA, Missing.IMPUTE, 0.3, 0),
                LoadContext.of(data));
        ExampleIds ids = usa.train().ids().orElseThrow().concat(usa.test().ids().orElseThrow());
        Examples both = usa.train().concat(usa.test().open());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(CarsFixture.CARS.get(ids.get(i).row()).mpg(), both.valueOf(i), "record " + ids.get(i).row());
        }
        assertEquals(List.of(ExampleOrigin.ofFile(published.files().get(0).sha256(), file())), ids.origins());
    }

    @Test
    void domainsMustAgreeOnTheFilesSplit() {
        AutoMpgLoader loader = new AutoMpgLoader();
        AutoMpgLoader.Parameters usa = new AutoMpgLoader.Parameters(Origin.USA, Missing.DROP, 0.3, 0);
        assertEquals(Optional.empty(), loader.splitConflict(usa, new AutoMpgLoader.Parameters(Origin.USA, Missing.IMPUTE, 0.3, 0)),
                "the missing-value policy does not change the split");
        assertEquals(Optional.of(new SplitConflict("auto-mpg/cars.json", "split-seed", "0", "1")),
                loader.splitConflict(usa, new AutoMpgLoader.Parameters(Origin.USA, Missing.DROP, 0.3, 1)));
        assertEquals(Optional.of(new SplitConflict("auto-mpg/cars.json", "test-fraction", "0.3", "0.5")),
                loader.splitConflict(usa, new AutoMpgLoader.Parameters(Origin.JAPAN, Missing.DROP, 0.5, 0)));
    }

    private TransferLabException error(byte[] json) {
        return assertThrows(TransferLabException.class, () -> load(json, Origin.USA, Missing.DROP));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheRecordLineAndField() {
        TransferLabException e = error(CarsFixture.withRecord(1, CarsFixture.CARS.get(1).json()
                .replace("\"Horsepower\":165", "\"Horsepower\":\"fast\"")));
        assertEquals(file() + ": record 1 (line 3), field 'Horsepower': expected a number or null, got the string \"fast\"",
                e.getMessage());
    }

    @Test
    void aMissingFieldIsNamed() {
        TransferLabException e = error(CarsFixture.withRecord(0, CarsFixture.CARS.get(0).json()
                .replace("\"Weight_in_lbs\":3504,", "")));
        assertEquals(file() + ": record 0 (line 2), field 'Weight_in_lbs': missing; every record needs it (null for a missing value)",
                e.getMessage());
    }

    @Test
    void anUnknownOriginListsTheKnownOnes() {
        TransferLabException e = error(CarsFixture.withRecord(4, CarsFixture.CARS.get(4).json().replace("\"USA\"", "\"Mars\"")));
        assertEquals(file() + ": record 4 (line 6), field 'Origin': expected one of USA, Europe, Japan, got \"Mars\"", e.getMessage());
    }

    @Test
    void aYearThatIsNotADateIsNamed() {
        TransferLabException e = error(CarsFixture.withRecord(2, CarsFixture.CARS.get(2).json().replace("\"1970-01-01\"", "\"70\"")));
        assertEquals(file() + ": record 2 (line 4), field 'Year': expected a date like \"1970-01-01\", got \"70\"", e.getMessage());
    }

    @Test
    void aRecordThatIsNotAnObjectIsNamed() {
        TransferLabException e = error(CarsFixture.withRecord(3, "[1, 2]"));
        assertTrue(e.getMessage().startsWith(file() + ": record 3 (line 5): expected an object with the fields Miles_per_Gallon, "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(", got an array"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        TransferLabException e = error(CarsFixture.withRecord(2, CarsFixture.CARS.get(2).json().replace(",\"Cylinders\"", " \"Cylinders\"")));
        assertTrue(e.getMessage().startsWith(file() + ": malformed JSON at line 4, column "), e.getMessage());
        assertTrue(e.getMessage().contains("(after record 1)"), e.getMessage());
    }

    @Test
    void aFileCutAfterARecordIsMalformed() {
        String whole = new String(CarsFixture.json(CarsFixture.CARS), StandardCharsets.UTF_8);
        String cut = whole.substring(0, whole.indexOf("},\n", whole.indexOf("\"Origin\":\"USA\"}") ) + 1);
        TransferLabException e = error(cut.getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().startsWith(file() + ": malformed JSON at line 2, column "), e.getMessage());
        assertTrue(e.getMessage().contains("(after record 0)"), e.getMessage());
    }

    @Test
    void aDocumentThatIsNotAnArrayIsRefused() {
        TransferLabException e = error("{\"cars\": []}".getBytes(StandardCharsets.UTF_8));
        assertEquals(file() + ": expected a JSON array of car records at line 1, found '{'", e.getMessage());
        e = error("[]".getBytes(StandardCharsets.UTF_8));
        assertEquals(file() + ": the JSON array has no car records", e.getMessage());
        e = error("[\n{\"Name\" 1}]".getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().startsWith(file() + ": malformed JSON at line 2, column 9 (before the first record): "), e.getMessage());
        e = error("[] []".getBytes(StandardCharsets.UTF_8));
        assertEquals(file() + ": unexpected '[' after the array at line 1; expected the end of the file", e.getMessage());
    }

    @Test
    void aFileWhoseChecksumDiffersIsRefusedEvenWhenItParses() throws IOException {
        PublishedDataSet published = install(CarsFixture.json(CarsFixture.CARS));
        // Cut at a record boundary: still valid JSON, one car fewer.
        Files.write(file(), CarsFixture.json(CarsFixture.CARS.subList(0, CarsFixture.CARS.size() - 1)));
        TransferLabException e = assertThrows(TransferLabException.class, () -> new AutoMpgLoader(published).load("cars",
                new AutoMpgLoader.Parameters(Origin.USA, Missing.DROP, 0.3, 0), LoadContext.of(data)));
        assertTrue(e.getMessage().startsWith(file() + ": SHA-256 is "), e.getMessage());
        assertTrue(e.getMessage().contains(", expected " + published.files().get(0).sha256() + " ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("Run `./transferlab data fetch auto-mpg` to replace it"), e.getMessage());
    }

    @Test
    void aMissingFileSaysHowToFetchIt() {
        TransferLabException e = assertThrows(TransferLabException.class, () -> new AutoMpgLoader().load("cars",
                new AutoMpgLoader.Parameters(Origin.USA, Missing.DROP, 0.3, 0), LoadContext.of(data)));
        assertEquals(file() + ": no such file; run `./transferlab data fetch auto-mpg` to put the auto-mpg data set into "
                + "the data directory", e.getMessage());
    }

    @Test
    void imputingAFeatureNoTrainRowHasIsAnError() {
        List<CarsFixture.Spec> noHorsepower = CarsFixture.CARS.stream()
                .map(c -> c.origin().equals("Japan") ? c.withHorsepower(null) : c).toList();
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> load(CarsFixture.json(noHorsepower), Origin.JAPAN, Missing.IMPUTE));
        assertEquals(file() + ": no train row of origin Japan has a value for horsepower, so it cannot be imputed; use missing: drop",
                e.getMessage());
    }

    @Test
    void parametersAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AutoMpgLoader.Parameters(null, Missing.DROP, 0.3, 0));
        assertEquals("origin: one of USA, Europe, Japan is required", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AutoMpgLoader.Parameters(Origin.USA, Missing.DROP, 1, 0));
        assertEquals("test-fraction must be in (0, 1), got 1.0", e.getMessage());
    }
}
