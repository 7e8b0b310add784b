package org.transferlab.core.loader.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.RowSplit;

/**
 * {@code missing: error | drop | impute} and {@code na-values}: what each policy does to which rows,
 * the counts the provenance reports per column, imputation from the train partition only, and the
 * file's split, which no policy changes.
 */
class CsvMissingValuesTest {
    private static final int ROWS = 40;
    /** The file's split (regression: unstratified), as the loader draws it with test-fraction 0.3 and split-seed 0. */
    private static final int[][] SPLIT = RowSplit.trainTest(ROWS, 0.3, 0);
    private static final int[] TRAIN = SPLIT[0];
    private static final int[] TEST = SPLIT[1];

    @TempDir
    Path data;

    /**
     * Data row r has target y = r, a numeric x and a categorical c. Train rows (the k-th of the file's
     * train side) have x = k + 1 and c = a (k &lt; 10), b (k &lt; 18) or c; test rows have x = 1000 and c = z, so
     * a statistic that saw a test row would differ from the train one. Missing cells: train k = 0, 1 lack x;
     * k = 5 lacks y; k = 26 lacks x and c; k = 27 lacks c; test t = 0 lacks c, t = 1 lacks x, t = 2 lacks y.
     */
    private static String file() {
        String[] x = new String[ROWS];
        String[] c = new String[ROWS];
        String[] y = new String[ROWS];
        for (int k = 0; k < TRAIN.length; k++) {
            x[TRAIN[k]] = Integer.toString(k + 1);
            c[TRAIN[k]] = k < 10 ? "a" : k < 18 ? "b" : "c";
        }
        for (int t : TEST) {
            x[t] = "1000";
            c[t] = "z";
        }
        for (int r = 0; r < ROWS; r++) {
            y[r] = Integer.toString(r);
        }
        x[TRAIN[0]] = "NA";
        x[TRAIN[1]] = "";
        y[TRAIN[5]] = "?";
        x[TRAIN[26]] = "NaN";
        c[TRAIN[26]] = "NA";
        c[TRAIN[27]] = "null";
        c[TEST[0]] = "NA";
        x[TEST[1]] = "NA";
        y[TEST[2]] = "NA";
        StringBuilder csv = new StringBuilder("y,x,c\n");
        for (int r = 0; r < ROWS; r++) {
            csv.append(y[r]).append(',').append(x[r]).append(',').append(c[r]).append('\n');
        }
        return csv.toString();
    }

    private static CsvLoader.Parameters parameters(Missing missing) {
        return new CsvLoader.Parameters("m.csv", "y", List.of("x", "c"), List.of("c"), TaskType.REGRESSION, "", missing,
                CsvLoader.DEFAULT_NA_VALUES, 0.3, 0, ",", 0, "");
    }

    private Domain load(Missing missing) throws IOException {
        Files.writeString(data.resolve("m.csv"), file());
        return new CsvLoader().load("m", parameters(missing), LoadContext.of(data));
    }

    private static Set<Integer> rows(Examples examples) {
        return new TreeSet<>(rowList(examples));
    }

    private static Set<Integer> without(int[] rows, int... left) {
        Set<Integer> kept = new TreeSet<>();
        for (int r : rows) {
            kept.add(r);
        }
        for (int r : left) {
            kept.remove(r);
        }
        return kept;
    }

    @Test
    void dropLeavesOutEveryRowWithAMissingTargetOrFeatureAndCountsThemPerColumn() throws IOException {
        Domain domain = load(Missing.DROP);
        Map<String, String> p = domain.provenance();
        assertEquals("y=2,x=4,c=3", p.get("missing-by-column"));
        assertEquals("2", p.get("rows-dropped-missing-target"));
        assertEquals("6", p.get("rows-dropped-missing-features"), "train k = 0, 1, 26, 27 and test t = 0, 1");
        assertEquals("x=4,c=3", p.get("rows-dropped-missing-by-column"), "k = 26 lacks both and counts for both");
        assertEquals("0", p.get("rows-imputed"));
        assertEquals("none", p.get("cells-imputed-by-column"));
        assertEquals("40", p.get("rows-matching-filter"));
        assertEquals("32", p.get("rows"));
        assertEquals(without(TRAIN, TRAIN[0], TRAIN[1], TRAIN[5], TRAIN[26], TRAIN[27]), rows(domain.train()));
        assertEquals(without(TEST, TEST[0], TEST[1], TEST[2]), rows(domain.test().open()));
    }

    @Test
    void imputeFillsFeaturesButDropsRowsWithoutATargetAndCountsCellsPerColumn() throws IOException {
        Domain domain = load(Missing.IMPUTE);
        Map<String, String> p = domain.provenance();
        assertEquals("y=2,x=4,c=3", p.get("missing-by-column"));
        assertEquals("2", p.get("rows-dropped-missing-target"), "a label is never imputed");
        assertEquals("0", p.get("rows-dropped-missing-features"));
        assertEquals("none", p.get("rows-dropped-missing-by-column"));
        assertEquals("6", p.get("rows-imputed"));
        assertEquals("x=4,c=3", p.get("cells-imputed-by-column"));
        assertEquals("38", p.get("rows"));
        assertEquals(without(TRAIN, TRAIN[5]), rows(domain.train()));
        assertEquals(without(TEST, TEST[2]), rows(domain.test().open()));
    }

    @Test
    void imputationUsesTheTrainPartitionsStatisticsOnly() throws IOException {
        Domain domain = load(Missing.IMPUTE);
        // The train rows that keep their target and have an x: k + 1 for every k but 0, 1, 26 (no x) and 5 (no y).
        double trainMean = IntStream.range(0, TRAIN.length).filter(k -> k != 0 && k != 1 && k != 5 && k != 26)
                .mapToDouble(k -> k + 1).average().orElseThrow();
        float mean = (float) trainMean;
        assertEquals("x=" + mean + ",c=a", domain.provenance().get("imputed-train-values"),
                "the train mode is a (9 rows), though z (10 test rows) is the most frequent category of the domain");
        Examples test = domain.test().open();
        int testRow = indexOf(test, TEST[1]);
        assertEquals(mean, test.feature(testRow, 0), "the test row's missing x gets the train mean, unmoved by the 1000s of test rows");
        assertNotEquals(1000f, mean);
        int trainRow = indexOf(domain.train(), TRAIN[0]);
        assertEquals(mean, domain.train().feature(trainRow, 0));
        int imputedCategory = indexOf(test, TEST[0]);
        assertEquals(List.of(1f, 0f, 0f), List.of(test.feature(imputedCategory, 1), test.feature(imputedCategory, 2),
                test.feature(imputedCategory, 3)), "the test row's missing c is the train mode, a");
    }

    private static int indexOf(Examples examples, int fileRow) {
        return rowList(examples).indexOf(fileRow);
    }

    /** The data row of each example, in order. */
    static List<Integer> rowList(Examples examples) {
        org.transferlab.core.data.ExampleIds ids = examples.ids().orElseThrow();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(ids.get(i).row());
        }
        return rows;
    }

    @Test
    void noPolicyChangesTheFilesSplitSoDomainsWithDifferentPoliciesArePairable() throws IOException {
        Domain dropped = load(Missing.DROP);
        Domain imputed = load(Missing.IMPUTE);
        Set<Integer> fileTest = without(TEST);
        assertTrue(fileTest.containsAll(rows(dropped.test().open())) && fileTest.containsAll(rows(imputed.test().open())));
        Set<Integer> common = new TreeSet<>(rows(dropped.train()));
        common.retainAll(rows(imputed.test().open()));
        assertEquals(Set.of(), common, "the drop domain's train rows hold none of the impute domain's test rows");
        common = new TreeSet<>(rows(imputed.train()));
        common.retainAll(rows(dropped.test().open()));
        assertEquals(Set.of(), common);
        assertEquals(Optional.empty(), new CsvLoader().splitConflict(parameters(Missing.DROP), parameters(Missing.IMPUTE)));
        assertEquals(Optional.empty(), new CsvLoader().splitConflict(parameters(Missing.ERROR),
                new CsvLoader.Parameters("m.csv", "y", List.of("x"), List.of(), TaskType.REGRESSION, "", Missing.DROP,
                        List.of("-"), 0.3, 0, ",", 0, "")), "na-values, features and categorical do not change the split either");
    }

    @Test
    void byDefaultAMissingValueIsAnErrorNamingTheLineAndColumn() throws IOException {
        Files.writeString(data.resolve("m.csv"), "y,x,c\n1,2,a\n3,NA,b\n");
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> new CsvLoader().load("m", parameters(Missing.ERROR), LoadContext.of(data)));
        assertEquals(data.resolve("m.csv") + ": line 3, column 'x': 'NA' is a missing value (na-values: [\"\", \"NA\", \"NaN\", "
                + "\"?\", \"null\"]); set missing: drop to leave such rows out, or missing: impute to fill it from the train "
                + "partition", e.getMessage());
        Files.writeString(data.resolve("m.csv"), "y,x,c\n1,2,a\n,4,b\n");
        e = assertThrows(TransferLabException.class, () -> new CsvLoader().load("m", parameters(Missing.ERROR), LoadContext.of(data)));
        assertEquals(data.resolve("m.csv") + ": line 3, column 'y' (the target): '' is a missing value (na-values: [\"\", \"NA\", "
                + "\"NaN\", \"?\", \"null\"]); set missing: drop to leave such rows out (a missing target is never imputed)",
                e.getMessage());
    }

    @Test
    void naValuesSayWhichCellsAreMissing() throws IOException {
        Files.writeString(data.resolve("m.csv"), "y,x,c\n1,2,a\n3,-,b\n4,NA,b\n");
        CsvLoader.Parameters dashOnly = new CsvLoader.Parameters("m.csv", "y", List.of("x", "c"), List.of("c"), TaskType.REGRESSION,
                "", Missing.DROP, List.of("-"), 0.3, 0, ",", 0, "");
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> new CsvLoader().load("m", dashOnly, LoadContext.of(data)));
        assertEquals(data.resolve("m.csv") + ": line 4, column 'x': 'NA' is not a number; if 'x' holds categories, declare it: "
                + "categorical: [c, x]", e.getMessage(), "NA is a value once na-values leaves it out; '-' was dropped before");
    }

    @Test
    void aColumnWithNoTrainValueCannotBeImputed() throws IOException {
        StringBuilder csv = new StringBuilder("y,x,c\n");
        for (int r = 0; r < ROWS; r++) {
            csv.append(r).append(',').append(r % 2 == 0 ? "NA" : "1").append(",NA\n");
        }
        Files.writeString(data.resolve("m.csv"), csv.toString());
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> new CsvLoader().load("m", parameters(Missing.IMPUTE), LoadContext.of(data)));
        assertEquals(data.resolve("m.csv") + ": no row of the domain's train partition has a value in column 'c', so its "
                + "missing values cannot be imputed; use missing: drop, or leave 'c' out of features", e.getMessage());
    }

    @Test
    void dropThatEmptiesASideSaysSo() throws IOException {
        int[] test = RowSplit.trainTest(4, 0.5, 0)[1];
        StringBuilder csv = new StringBuilder("y,x,c\n");
        for (int r = 0; r < 4; r++) {
            csv.append(r).append(',').append(r == test[0] || r == test[1] ? "NA" : "1").append(",a\n");
        }
        Files.writeString(data.resolve("m.csv"), csv.toString());
        TransferLabException e = assertThrows(TransferLabException.class, () -> new CsvLoader().load("m",
                new CsvLoader.Parameters("m.csv", "y", List.of("x"), List.of(), TaskType.REGRESSION, "", Missing.DROP,
                        CsvLoader.DEFAULT_NA_VALUES, 0.5, 0, ",", 0, ""), LoadContext.of(data)));
        assertEquals(data.resolve("m.csv") + ": none of the file's 2 rows left after dropping 2 with missing values falls in "
                + "the test partition of the file's split (test-fraction 0.5, split-seed 0, over the file's 4 rows); a domain "
                + "needs rows on both sides: change test-fraction or split-seed, or widen the filter", e.getMessage(),
                "both test rows lacked x");
    }
}
