package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Paired significance tests of a strategy against {@code target-only} over the same seeds and target
 * splits, from Apache Commons Math, and Holm's step-down correction across a study's comparisons.
 * All p-values are two-sided; NaN where a test is undefined (fewer than two pairs, or differences
 * with no variance for the t-test).
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

    /**
     * Wilcoxon's signed-rank test, with zero differences dropped (Wilcoxon's original rule, scipy's
     * default); exact for up to 30 pairs without tied magnitudes, the normal approximation otherwise.
     * With 3 seeds the smallest possible p is 0.25: a few seeds cannot show significance this way.
     */
    public static double wilcoxon(double[] a, double[] b) {
        List<double[]> nonZero = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                nonZero.add(new double[] {a[i], b[i]});
            }
        }
        if (a.length < 2) {
            return Double.NaN;
        }
        if (nonZero.isEmpty()) {
            return 1.0;
        }
        double[] x = nonZero.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = nonZero.stream().mapToDouble(p -> p[1]).toArray();
        double[] magnitudes = Arrays.stream(differences(x, y)).map(Math::abs).sorted().toArray();
        boolean ties = false;
        for (int i = 1; i < magnitudes.length; i++) {
            ties |= magnitudes[i] == magnitudes[i - 1];
        }
        boolean exact = x.length <= 30 && !ties;
        return Math.min(1.0, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, exact));
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
