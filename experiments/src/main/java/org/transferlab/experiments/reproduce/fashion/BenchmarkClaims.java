package org.transferlab.experiments.reproduce.fashion;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.transferlab.experiments.reproduce.Claim;

/**
 * The fashion-mnist-benchmark's verdict rules: each classifier against the paper's accuracy within a
 * tolerance, and whether the paper's most accurate classifier is ours too.
 */
final class BenchmarkClaims {
    /** A classifier this far or nearer below the paper's accuracy reproduced it; within three times as far, partly. */
    static final double TOLERANCE = 0.01;
    /**
     * Accuracies are counts over a test set and the paper's are printed to three decimals, so a gap of exactly
     * the tolerance comes out of floating-point arithmetic a hair beyond it (0.832 - 0.842 = -0.01000000000000001,
     * and 3 * 0.01 is not 0.03 either); gaps and tolerances are compared as whole multiples of this.
     */
    private static final double UNIT = 1e-9;

    private BenchmarkClaims() {
    }

    /** Whether our mean accuracy {@code ours} for {@code entry} reaches the paper's. */
    static Claim perClassifier(String id, BenchmarkEntry entry, double ours) {
        double gap = ours - entry.paperAccuracy();
        return new Claim(id, entry.paperClassifier() + " (" + entry.paperSettings() + ") reaches the paper's accuracy",
                fmt3(entry.paperAccuracy()), fmt3(ours) + String.format(Locale.ROOT, " (%+.3f)", gap),
                within(gap, TOLERANCE) ? Claim.Verdict.REPRODUCED : within(gap, 3 * TOLERANCE) ? Claim.Verdict.PARTLY
                        : Claim.Verdict.NOT_REPRODUCED,
                "yes when ours is at most " + TOLERANCE + " below the paper's, partly within " + 3 * TOLERANCE + ", else no");
    }

    /** Whether our accuracy minus the paper's, {@code gap}, is at most {@code tolerance} below zero. */
    static boolean within(double gap, double tolerance) {
        return Math.round(gap / UNIT) >= -Math.round(tolerance / UNIT);
    }

    /** Whether the most accurate of ours (mean accuracy per entry) is the paper's most accurate classifier. */
    static Claim mostAccurate(String id, Map<BenchmarkEntry, Double> ours) {
        BenchmarkEntry paperBest = ours.keySet().stream().max(Comparator.comparingDouble(BenchmarkEntry::paperAccuracy)).orElseThrow();
        BenchmarkEntry ourBest = ours.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Claim(id, "of these classifiers, " + paperBest.paperClassifier() + " is the most accurate",
                paperBest.paperClassifier() + " " + fmt3(paperBest.paperAccuracy()),
                ourBest.paperClassifier() + " " + fmt3(ours.get(ourBest)),
                ourBest == paperBest ? Claim.Verdict.REPRODUCED : Claim.Verdict.NOT_REPRODUCED,
                "yes when our most accurate classifier is the paper's");
    }

    private static String fmt3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
