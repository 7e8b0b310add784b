package org.transferlab.core.loader.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.RowSplit;
import org.transferlab.core.loader.TrainShare;

/** Categorical feature columns (one-hot from the train side's categories) and class labels that are any strings. */
class CsvCategoricalTest {
    private static final int ROWS = 40;
    private static final int[][] SPLIT = RowSplit.trainTest(ROWS, 0.3, 0);

    @TempDir
    Path data;

    private static boolean isTest(int row) {
        return java.util.Arrays.binarySearch(SPLIT[1], row) >= 0;
    }

    /**
     * Rows y,x,site,colour: train rows cycle through the colours c, a, b (north rows never b); test rows
     * alternate z, which no train row has, and a.
     */
    private static String file() {
        StringBuilder csv = new StringBuilder("y,x,site,colour\n");
        int k = 0;
        int t = 0;
        for (int r = 0; r < ROWS; r++) {
            String site = r % 2 == 0 ? "north" : "south";
            String colour;
            if (isTest(r)) {
                colour = t++ % 2 == 0 ? "z" : "a";
            } else {
                colour = List.of("c", "a", "b").get(k++ % 3);
                colour = site.equals("north") && colour.equals("b") ? "c" : colour;
            }
            csv.append(r).append(',').append(r * 0.5).append(',').append(site).append(',').append(colour).append('\n');
        }
        return csv.toString();
    }

    private Domain load(String filter, TrainShare share) throws IOException {
        Files.writeString(data.resolve("c.csv"), file());
        return new CsvLoader().load("c", new CsvLoader.Parameters("c.csv", "y", List.of("x", "colour"), List.of("colour"),
                TaskType.REGRESSION, filter, Missing.ERROR, CsvLoader.DEFAULT_NA_VALUES, 0.3, 0, ",", 0, ""),
                new LoadContext(data, share));
    }

    private static List<Float> row(Examples examples, int i) {
        List<Float> values = new ArrayList<>();
        for (int j = 0; j < examples.featureCount(); j++) {
            values.add(examples.feature(i, j));
        }
        return values;
    }

    @Test
    void aCategoricalColumnIsOneHotWithTheTrainSidesSortedCategoriesAndAnUnseenOneIsZerosCounted() throws IOException {
        Domain domain = load("", TrainShare.ALL);
        assertEquals("colour=[\"a\", \"b\", \"c\"]", domain.provenance().get("categories"), "z occurs only in test rows");
        assertEquals("x,colour=a,colour=b,colour=c", domain.provenance().get("encoded-features"));
        assertEquals(4, domain.train().featureCount());
        Examples test = domain.test().open();
        List<Integer> rows = CsvMissingValuesTest.rowList(test);
        int unseen = 0;
        for (int i = 0; i < test.size(); i++) {
            boolean z = file().lines().skip(1 + rows.get(i)).findFirst().orElseThrow().endsWith(",z");
            assertEquals(z ? List.of(0f, 0f, 0f) : List.of(1f, 0f, 0f), row(test, i).subList(1, 4), "test row " + rows.get(i));
            unseen += z ? 1 : 0;
        }
        assertEquals(6, unseen, "half of the 12 test rows are z");
        assertEquals("colour=" + unseen, domain.provenance().get("test-cells-unseen-category"));
        List<Integer> trainRows = CsvMissingValuesTest.rowList(domain.train());
        assertEquals(List.of(trainRows.get(0) * 0.5f, 0f, 0f, 1f), row(domain.train(), 0), "the first train row is c");
    }

    @Test
    void everyDomainOfTheFileEncodesAColumnWithTheSameCategories() throws IOException {
        Domain north = load("site = north", TrainShare.FIRST_HALF);
        Domain south = load("site = south", TrainShare.SECOND_HALF);
        assertEquals("colour=[\"a\", \"b\", \"c\"]", north.provenance().get("categories"),
                "b occurs only in south's rows, and north still has its column, so both domains' features mean the same");
        assertEquals(north.provenance().get("encoded-features"), south.provenance().get("encoded-features"));
        for (int i = 0; i < north.train().size(); i++) {
            assertEquals(0f, north.train().feature(i, 2), "no north row is b");
        }
    }

    @Test
    void classLabelsMayBeAnyStringsAndTheirOrderIsRecorded() throws IOException {
        List<String> labels = List.of("Gentoo", "Adelie", "chinstrap", "10", "9", "a \"b\", c");
        StringBuilder csv = new StringBuilder("label,x\n");
        for (int r = 0; r < 60; r++) {
            String label = labels.get(r % labels.size());
            csv.append(label.contains(",") ? "\"" + label.replace("\"", "\"\"") + "\"" : label).append(',')
                    .append(labels.indexOf(label)).append('\n');
        }
        Files.writeString(data.resolve("l.csv"), csv.toString());
        Domain domain = new CsvLoader().load("l", new CsvLoader.Parameters("l.csv", "label", List.of("x"),
                TaskType.CLASSIFICATION, "", 0.3, 0, ","), LoadContext.of(data));
        List<String> sorted = List.of("10", "9", "Adelie", "Gentoo", "a \"b\", c", "chinstrap");
        assertEquals(sorted, domain.classNames(), "sorted as strings: class i is the i-th");
        assertEquals("[\"10\", \"9\", \"Adelie\", \"Gentoo\", \"a \\\"b\\\", c\", \"chinstrap\"]", domain.provenance().get("classes"));
        for (int i = 0; i < domain.train().size(); i++) {
            assertEquals(labels.get((int) domain.train().feature(i, 0)), sorted.get(domain.train().classOf(i)));
        }
    }

    @Test
    void categoricalColumnsAreValidatedAgainstTheFeatures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CsvLoader.Parameters("c.csv", "y",
                List.of("x"), List.of("colour"), TaskType.REGRESSION, "", Missing.ERROR, List.of(), 0.3, 0, ",", 0, ""));
        assertEquals("categorical: 'colour' is not one of the features (x); list it in features too", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CsvLoader.Parameters("c.csv", "y", List.of(), List.of("y"),
                TaskType.CLASSIFICATION, "", Missing.ERROR, List.of(), 0.3, 0, ",", 0, ""));
        assertEquals("categorical: 'y' is the target column; a feature must not be the label it predicts", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CsvLoader.Parameters("c.csv", "y", List.of("x", "x"),
                TaskType.REGRESSION, "", 0.3, 0, ","));
        assertEquals("features: 'x' is listed twice", e.getMessage());
    }

    @Test
    void withoutAFeatureListEveryOtherColumnIsAFeatureAndTheDeclaredOnesAreCategorical() throws IOException {
        Files.writeString(data.resolve("c.csv"), file());
        Domain domain = new CsvLoader().load("c", new CsvLoader.Parameters("c.csv", "y", List.of(), List.of("site", "colour"),
                TaskType.REGRESSION, "", Missing.ERROR, CsvLoader.DEFAULT_NA_VALUES, 0.3, 0, ",", 0, ""), LoadContext.of(data));
        assertEquals("x,site=north,site=south,colour=a,colour=b,colour=c", domain.provenance().get("encoded-features"));
    }
}
