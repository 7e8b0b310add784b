package org.transferlab.experiments.report;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.stat.inference.TTest;
import org.transferlab.experiments.config.VerdictTest;

/**
 * Paired significance tests of a strategy against its baseline over the same seeds and target splits,
 * and Holm's step-down correction across a family of comparisons: Student's paired t-test (Commons
 * Math), Wilcoxon's signed-rank test ({@link SignedRankTest}) and the sign-flip permutation test
 * ({@link SignFlipTest}). All p-values are two-sided; NaN where a test is undefined (fewer than two
 * pairs, or differences with no variance for the t-test).
 */
public final class PairedTests {
    private PairedTests() {
    }

    /** Student's paired t-test of {@code a} against {@code b}. */
    public static double pairedT(double[] a, double[] b) {
        if (a.length < 2) {
            return Double.NaN;
        }
        double[] d = differences(a, b);
        if (Arrays.stream(d).allMatch(x -> x == d[0])) {
            return Double.NaN;
        }
        return new TTest().pairedTTest(a, b);
    }

    /** Wilcoxon's signed-rank test, exact with ties up to 50 pairs: see {@link SignedRankTest}. */
    public static double wilcoxon(double[] a, double[] b) {
        return SignedRankTest.pValue(a, b);
    }

    /** The sign-flip permutation test of the mean difference, exact up to 16 pairs: see {@link SignFlipTest}. */
    public static double permutation(double[] a, double[] b) {
        return SignFlipTest.pValue(a, b);
    }

    /** The p-value of the test that decides verdicts. */
    public static double pValue(VerdictTest test, double[] a, double[] b) {
        return switch (test) {
            case T -> pairedT(a, b);
            case WILCOXON -> wilcoxon(a, b);
            case PERMUTATION -> permutation(a, b);
        };
    }

    /**
     * The smallest two-sided p-value {@code test} can give with {@code n} pairs, whatever the data: 2/2ⁿ for the
     * rank and permutation tests (0.25 with 3 seeds), 0 for the t-test, whose p has no floor.
     */
    public static double smallestPValue(VerdictTest test, int n) {
        return switch (test) {
            case T -> n < 2 ? 1.0 : 0.0;
            case WILCOXON -> SignedRankTest.smallestPValue(n);
            case PERMUTATION -> SignFlipTest.smallestPValue(n);
        };
    }

    /** Holm-adjusted p-values, in the order given; NaN stays NaN and is not counted. */
    public static double[] holm(double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i]))
                .boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < order.length; rank++) {
            running = Math.max(running, Math.min(1.0, (order.length - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }

    private static double[] differences(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
