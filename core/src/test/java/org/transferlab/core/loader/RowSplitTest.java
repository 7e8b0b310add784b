package org.transferlab.core.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowSplitTest {
    private static int[] union(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).sorted().toArray();
    }

    @Test
    void holdsOutTheRoundedFractionAndCoversEveryRowOnce() {
        int[][] split = RowSplit.trainTest(254, 0.3, 0);
        assertEquals(76, split[1].length, "round(0.3 * 254) = round(76.2)");
        assertArrayEquals(IntStream.range(0, 254).toArray(), union(split[0], split[1]));
    }

    @Test
    void theSeedDecidesTheSplit() {
        assertArrayEquals(RowSplit.trainTest(50, 0.3, 7)[1], RowSplit.trainTest(50, 0.3, 7)[1]);
        assertNotEquals(Arrays.toString(RowSplit.trainTest(50, 0.3, 7)[1]), Arrays.toString(RowSplit.trainTest(50, 0.3, 8)[1]));
    }

    @Test
    void eachStratumHoldsOutItsOwnShare() {
        int[] strata = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};
        int[] test = RowSplit.stratified(strata, 0.25, 3)[1];
        assertEquals(1, Arrays.stream(test).filter(i -> strata[i] == 0).count());
        assertEquals(2, Arrays.stream(test).filter(i -> strata[i] == 1).count());
    }

    @Test
    void theHalvesAreFixedDisjointAndCoverTheTrainRows() {
        int[] train = RowSplit.trainTest(21, 0.3, 0)[0];
        int[] first = RowSplit.share(train, TrainShare.FIRST_HALF);
        int[] second = RowSplit.share(train, TrainShare.SECOND_HALF);
        assertEquals(7, first.length);
        assertEquals(8, second.length);
        assertArrayEquals(train, union(first, second));
        assertArrayEquals(first, RowSplit.share(train, TrainShare.FIRST_HALF));
        assertArrayEquals(train, RowSplit.share(train, TrainShare.ALL));
    }

    @Test
    void stratifiedHalvesSplitEachStratumAndAlternateTheLargerHalfOfOddStrata() {
        int[] strata = {0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2};
        int[] train = IntStream.range(0, strata.length).toArray();
        int[] first = RowSplit.share(train, strata, TrainShare.FIRST_HALF);
        int[] second = RowSplit.share(train, strata, TrainShare.SECOND_HALF);
        assertArrayEquals(train, union(first, second));
        long[] firstPerStratum = IntStream.range(0, 3).mapToLong(s -> Arrays.stream(first).filter(r -> strata[r] == s).count()).toArray();
        assertArrayEquals(new long[] {1, 2, 2}, firstPerStratum, "3 rows: 1 + 2, then 3 rows: 2 + 1, then 5 rows: 2 + 3");
        assertArrayEquals(first, RowSplit.share(train, strata, TrainShare.FIRST_HALF), "fixed for the data");
        assertArrayEquals(RowSplit.share(train, TrainShare.FIRST_HALF), RowSplit.share(train, null, TrainShare.FIRST_HALF),
                "one stratum: the unstratified halves");
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RowSplit.trainTest(10, 0, 0));
        assertEquals("the test fraction must be in (0, 1), got 0.0", e.getMessage());
    }
}
