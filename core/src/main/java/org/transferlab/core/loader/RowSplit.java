package org.transferlab.core.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The seeded train/test split of a data set that has no published one (a CSV file, Auto MPG, the
 * diabetes data), and the fixed halves of its train rows that a source and a target drawn from the
 * same rows get (see {@link TrainShare}). The split is a property of the data and its seed, the same
 * for every cell of a study: loaders draw it over all the rows of a file, whatever a domain's filter,
 * and a domain then takes its rows on each side, so that two domains of one file never see each
 * other's test rows. Stateless.
 */
public final class RowSplit {
    /** Seeds the halves of a train partition: fixed for the data set, the same for every study and seed. */
    private static final long HALVES_SEED = 0x5EED_F00DL;

    private RowSplit() {
    }

    /**
     * Row indices {train, test} of {@code rows} rows, each ascending: {@code round(testFraction * rows)}
     * rows, drawn with {@code seed}, are held out for test.
     */
    public static int[][] trainTest(int rows, double testFraction, long seed) {
        return stratified(new int[rows], testFraction, seed);
    }

    /**
     * Row indices {train, test}, each ascending, stratified by {@code strata[row]} (e.g. the class):
     * each stratum (0, 1, ...) holds out {@code round(testFraction * its size)} rows. One generator,
     * seeded with {@code seed}, shuffles the strata in order.
     */
    public static int[][] stratified(int[] strata, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be in (0, 1), got " + testFraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int count = Arrays.stream(strata).max().orElse(-1) + 1;
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int stratum = s;
            int[] rows = IntStream.range(0, strata.length).filter(i -> strata[i] == stratum).toArray();
            shuffle(rows, random);
            int testCount = (int) Math.round(testFraction * rows.length);
            for (int i = 0; i < rows.length; i++) {
                (i < testCount ? test : train).add(rows[i]);
            }
        }
        return new int[][] {
            train.stream().mapToInt(Integer::intValue).sorted().toArray(),
            test.stream().mapToInt(Integer::intValue).sorted().toArray()};
    }

    /**
     * The part of {@code trainRows} that {@code share} names: all of them, or one of two fixed,
     * disjoint halves (the first gets the smaller half of an odd count), ascending.
     */
    public static int[] share(int[] trainRows, TrainShare share) {
        return share(trainRows, null, share);
    }

    /**
     * The part of {@code trainRows} that {@code share} names, the halves taken within each stratum
     * {@code strata[row]} (null: one stratum), ascending. The halves are fixed for the data: one
     * generator with a constant seed shuffles the strata in order, and the larger half of a stratum
     * with an odd count goes to the second and the first half in turn, so that a domain made of
     * several strata gets halves of nearly equal size. Because the halves are drawn over the rows
     * of the data, not of a domain, every domain of the data takes its rows of the same two halves.
     */
    public static int[] share(int[] trainRows, int[] strata, TrainShare share) {
        if (share == TrainShare.ALL) {
            return trainRows.clone();
        }
        SplittableRandom random = new SplittableRandom(HALVES_SEED);
        int count = strata == null ? 1 : Arrays.stream(trainRows).map(r -> strata[r]).max().orElse(-1) + 1;
        List<Integer> chosen = new ArrayList<>();
        boolean extraToSecond = true;
        for (int s = 0; s < count; s++) {
            int stratum = s;
            int[] rows = strata == null ? trainRows.clone()
                    : Arrays.stream(trainRows).filter(r -> strata[r] == stratum).toArray();
            shuffle(rows, random);
            int half = extraToSecond ? rows.length / 2 : (rows.length + 1) / 2;
            if (rows.length % 2 == 1) {
                extraToSecond = !extraToSecond;
            }
            int from = share == TrainShare.FIRST_HALF ? 0 : half;
            int to = share == TrainShare.FIRST_HALF ? half : rows.length;
            for (int i = from; i < to; i++) {
                chosen.add(rows[i]);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }
}
