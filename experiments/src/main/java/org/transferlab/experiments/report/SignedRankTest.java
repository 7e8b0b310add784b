package org.transferlab.experiments.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Wilcoxon's signed-rank test of paired samples, two-sided. Zero differences are dropped (Wilcoxon's
 * rule, scipy's default {@code zero_method="wilcox"}); the remaining |differences| get mid-ranks, so tied
 * magnitudes share the average of their ranks. The statistic is W+, the sum of the ranks of the positive
 * differences.
 *
 * <p>Exactness: for up to {@value #EXACT_LIMIT} non-zero differences the p-value is exact, ties
 * included: the null distribution of W+ (every sign equally likely, given the observed mid-ranks) is
 * computed by dynamic programming over the doubled ranks, and p = min(1, 2 min(P(W+ ≤ w), P(W+ ≥ w))).
 * Without ties this is scipy's {@code wilcoxon(mode="exact")}; with ties it is scipy's
 * {@code permutation_test} of W+ over sign flips. Beyond that the normal approximation is used, with the
 * tie-corrected variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 and the continuity correction of ½ toward the
 * mean (scipy's {@code wilcoxon(mode="approx", correction=True)}). Commons Math's own approximation, which
 * this class replaces, moves the statistic away from the mean and ignores ties, so its p-values are too
 * small: it gave p = 0.031 for 5 pairs, below the exact minimum 2/2⁵ = 0.0625.
 *
 * <p>Differences are rounded to 12 significant digits before ranking, so magnitudes that are equal but
 * for floating-point noise (0.81 − 0.76 and 0.84 − 0.79) count as ties, as they are. Stateless.
 */
public final class SignedRankTest {
    /** Up to this many non-zero differences the p-value is exact. */
    public static final int EXACT_LIMIT = 50;
    private static final MathContext SIGNIFICANT = new MathContext(12);

    private SignedRankTest() {
    }

    /** The two-sided p-value of {@code a} against {@code b}; NaN for fewer than two pairs, 1 when every pair is equal. */
    public static double pValue(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples need equal lengths, got " + a.length + " and " + b.length);
        }
        if (a.length < 2) {
            return Double.NaN;
        }
        double[] d = Arrays.stream(differences(a, b)).filter(x -> x != 0).toArray();
        if (d.length == 0) {
            return 1.0;
        }
        double[] ranks = midRanks(Arrays.stream(d).map(Math::abs).toArray());
        double positive = 0;
        for (int i = 0; i < d.length; i++) {
            positive += d[i] > 0 ? ranks[i] : 0;
        }
        return d.length <= EXACT_LIMIT ? exact(ranks, positive) : approximate(ranks, positive);
    }

    /** The smallest two-sided p-value the exact test can give with {@code n} non-zero differences: 2/2ⁿ. */
    public static double smallestPValue(int n) {
        return n < 1 ? 1.0 : Math.min(1.0, Math.pow(2, 1 - n));
    }

    /** Differences a − b, rounded to 12 significant digits so that floating-point noise makes no ties or zeros. */
    static double[] differences(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double raw = a[i] - b[i];
            d[i] = Double.isFinite(raw) ? new BigDecimal(raw).round(SIGNIFICANT).doubleValue() : raw;
        }
        return d;
    }

    /** Ranks 1..n of {@code values}, tied values sharing the mean of their ranks. */
    static double[] midRanks(double[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(values[i], values[j]));
        double[] ranks = new double[values.length];
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }

    /** Exact: the distribution of Σ ±rank over all 2ⁿ sign assignments, on doubled (integer) ranks. */
    private static double exact(double[] ranks, double positive) {
        int[] doubled = Arrays.stream(ranks).mapToInt(r -> (int) Math.round(2 * r)).toArray();
        int max = Arrays.stream(doubled).sum();
        double[] probability = new double[max + 1];
        probability[0] = 1;
        int reach = 0;
        for (int r : doubled) {
            for (int s = reach; s >= 0; s--) {
                if (probability[s] != 0) {
                    probability[s + r] += probability[s] / 2;
                    probability[s] /= 2;
                }
            }
            reach += r;
        }
        int observed = (int) Math.round(2 * positive);
        double below = 0;
        double above = 0;
        for (int s = 0; s <= max; s++) {
            below += s <= observed ? probability[s] : 0;
            above += s >= observed ? probability[s] : 0;
        }
        return Math.min(1.0, 2 * Math.min(below, above));
    }

    private static double approximate(double[] ranks, double positive) {
        int n = ranks.length;
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1.0) * (2 * n + 1) / 24.0;
        double[] sorted = ranks.clone();
        Arrays.sort(sorted);
        for (int start = 0; start < sorted.length; ) {
            int end = start;
            while (end + 1 < sorted.length && sorted[end + 1] == sorted[start]) {
                end++;
            }
            double t = end - start + 1;
            variance -= (t * t * t - t) / 48.0;
            start = end + 1;
        }
        if (variance <= 0) {
            return 1.0;
        }
        double z = (positive - mean - 0.5 * Math.signum(positive - mean)) / Math.sqrt(variance);
        return Math.min(1.0, 2 * new NormalDistribution().cumulativeProbability(-Math.abs(z)));
    }
}
