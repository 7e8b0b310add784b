package org.transferlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExampleIdsTest {
    private static final String SHA = "ab".repeat(32);
    private static final ExampleOrigin FILE = ExampleOrigin.ofFile(SHA, "data/cars.csv");
    private static final ExampleOrigin OTHER = ExampleOrigin.of("synthetic:x", "synthetic domain 'x'");

    /** Six rows whose first feature is their row of FILE (10, 11, ...), so a test can see which rows it holds. */
    private static Examples rows() {
        float[] x = new float[12];
        for (int i = 0; i < 6; i++) {
            x[2 * i] = 10 + i;
        }
        return Examples.classified(x, 2, new int[] {0, 1, 0, 1, 0, 1}).withIds(ExampleIds.of(FILE, new int[] {10, 11, 12, 13, 14, 15}));
    }

    private static void idsMatchFeatures(Examples examples) {
        ExampleIds ids = examples.ids().orElseThrow();
        assertEquals(examples.size(), ids.size());
        for (int i = 0; i < examples.size(); i++) {
            assertEquals(new ExampleId(FILE, (int) examples.feature(i, 0)), ids.get(i));
        }
    }

    @Test
    void aFileIsKnownByItsContentNotItsName() {
        assertEquals(FILE, ExampleOrigin.ofFile(SHA.toUpperCase(), "./data/../data/copy-of-cars.csv"));
        assertEquals(FILE.hashCode(), ExampleOrigin.ofFile(SHA, "elsewhere.csv").hashCode());
        assertNotEquals(FILE, ExampleOrigin.ofFile("cd".repeat(32), "data/cars.csv"));
        assertEquals("file data/cars.csv", FILE.name());
        assertThrows(IllegalArgumentException.class, () -> ExampleOrigin.ofFile("abc", "x"));
    }

    @Test
    void identitiesFollowTheRowsThroughSubsetsRandomSubsetsAndErasedLabels() {
        Examples all = rows();
        idsMatchFeatures(all.subset(new int[] {4, 1, 1}));
        assertEquals(List.of(14, 11, 11), IntStream.range(0, 3).mapToObj(i -> all.subset(new int[] {4, 1, 1}).ids().orElseThrow()
                .get(i).row()).toList());
        idsMatchFeatures(all.randomSubset(3, 7));
        idsMatchFeatures(all.withoutLabels());
        idsMatchFeatures(all.randomSubset(3, 7).withoutLabels().subset(new int[] {2, 0}));
    }

    @Test
    void concatKeepsIdentitiesWhenBothSidesHaveThemAndDropsThemOtherwise() {
        Examples file = rows().subset(new int[] {0, 1});
        Examples generated = Examples.classified(new float[] {1, 2}, 2, new int[] {0}).withIds(ExampleIds.of(OTHER, new int[] {5}));
        ExampleIds both = file.concat(generated).ids().orElseThrow();
        assertEquals(List.of(new ExampleId(FILE, 10), new ExampleId(FILE, 11), new ExampleId(OTHER, 5)),
                IntStream.range(0, 3).mapToObj(both::get).toList());
        assertEquals(List.of(FILE, OTHER), both.origins());
        ExampleIds twice = generated.concat(file).concat(generated).ids().orElseThrow();
        assertEquals(List.of(OTHER, FILE), twice.origins(), "an origin appears once in the table");
        assertEquals(new ExampleId(OTHER, 5), twice.get(3));

        Examples anonymous = Examples.classified(new float[] {1, 2}, 2, new int[] {0});
        assertTrue(file.concat(anonymous).ids().isEmpty());
        assertTrue(anonymous.concat(file).ids().isEmpty());
    }

    @Test
    void keysAreEqualExactlyForEqualIdentities() {
        ExampleIds a = ExampleIds.of(FILE, new int[] {0, 7});
        ExampleIds b = ExampleIds.of(OTHER, new int[] {7}).concat(ExampleIds.of(ExampleOrigin.ofFile(SHA, "copy.csv"), new int[] {7}));
        List<ExampleOrigin> table = List.of(FILE, OTHER);
        long[] ka = a.keys(table::indexOf);
        long[] kb = b.keys(table::indexOf);
        assertNotEquals(ka[1], kb[0], "row 7 of two origins");
        assertEquals(ka[1], kb[1], "row 7 of one file, however named");
    }

    @Test
    void aBlockMayHaveAnOriginPerRowAndEqualOriginsShareOneEntry() {
        ExampleOrigin first = ExampleOrigin.ofFile("01".repeat(32), "cat/a.png");
        ExampleOrigin second = ExampleOrigin.ofFile("02".repeat(32), "cat/b.png");
        ExampleIds ids = ExampleIds.of(List.of(first, second, ExampleOrigin.ofFile("01".repeat(32), "copy/a.png")), new int[] {0, 0, 0});
        assertEquals(List.of(first, second), ids.origins(), "a copy of a file is the same origin");
        assertEquals(List.of(new ExampleId(first, 0), new ExampleId(second, 0), new ExampleId(first, 0)),
                IntStream.range(0, 3).mapToObj(ids::get).toList());
        List<ExampleOrigin> table = List.of(second, first);
        long[] keys = ids.keys(table::indexOf);
        assertEquals(keys[0], keys[2]);
        assertNotEquals(keys[0], keys[1]);
        assertEquals(List.of(new ExampleId(second, 0)), List.of(ids.subset(new int[] {1}).get(0)));
        assertThrows(IllegalArgumentException.class, () -> ExampleIds.of(List.of(first), new int[] {0, 1}));
    }

    @Test
    void theCountsMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Examples.classified(new float[] {1, 2}, 2, new int[] {0}).withIds(ExampleIds.range(FILE, 2)));
        assertEquals("1 rows but 2 identities", e.getMessage());
        assertTrue(Examples.classified(new float[] {1, 2}, 2, new int[] {0}).ids().isEmpty(), "examples need no identities");
    }

    @Test
    void theTestPartitionsIdentitiesAreSealedLikeItsExamples() {
        TestPartition test = new TestPartition("t", rows());
        assertEquals(6, test.ids().orElseThrow().size(), "the harness reads them outside fitting");
        assertThrows(TestPartitionSealedException.class, () -> SealedTestAccess.sealed("strategy 'x'", test::ids),
                "a strategy that knew the test rows could read them from the file");
    }
}
