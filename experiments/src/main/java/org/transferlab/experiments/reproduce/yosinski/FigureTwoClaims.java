package org.transferlab.experiments.reproduce.yosinski;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.transferlab.experiments.reproduce.Claim;
import org.transferlab.experiments.report.Interval;

/**
 * Checks Yosinski et al.'s three claims about Figure 2 on paired differences: within one repetition
 * (split and seed) every network is compared with the baseB of the same repetition, and the 95% Student-t
 * interval of the mean difference over repetitions decides what is "significant".
 */
final class FigureTwoClaims {
    private final List<Measurement> all;
    private final int layers;
    private final Map<String, Double> baseB = new TreeMap<>();

    FigureTwoClaims(List<Measurement> all, int layers) {
        this.all = List.copyOf(all);
        this.layers = layers;
        all.stream().filter(m -> m.condition() == Condition.BASE_B).forEach(m -> baseB.put(m.repetition(), m.accuracy()));
    }

    /** Accuracy of {@code condition} at {@code n} minus baseB's, per repetition. */
    Interval againstBaseB(Condition condition, int n) {
        List<Double> differences = new ArrayList<>();
        all.stream().filter(m -> m.condition() == condition && m.n() == n)
                .forEach(m -> differences.add(m.accuracy() - baseB.get(m.repetition())));
        return Interval.of(differences);
    }

    /** Accuracy of {@code condition} at {@code n} minus its accuracy at {@code reference}, per repetition. */
    Interval between(Condition condition, int n, int reference) {
        Map<String, Double> at = new TreeMap<>();
        all.stream().filter(m -> m.condition() == condition && m.n() == reference).forEach(m -> at.put(m.repetition(), m.accuracy()));
        List<Double> differences = new ArrayList<>();
        all.stream().filter(m -> m.condition() == condition && m.n() == n)
                .forEach(m -> differences.add(m.accuracy() - at.get(m.repetition())));
        return Interval.of(differences);
    }

    double mean(Condition condition, int n) {
        return all.stream().filter(m -> m.condition() == condition && m.n() == n).mapToDouble(Measurement::accuracy)
                .average().orElse(Double.NaN);
    }

    /** (a) Transfer plus fine-tuning generalises at least as well as baseB. */
    Claim fineTunedTransfer() {
        StringBuilder ours = new StringBuilder("AnB+ − baseB by n: ");
        boolean anyWorse = false;
        boolean anyBetter = false;
        double sum = 0;
        for (int n = 1; n <= layers; n++) {
            Interval d = againstBaseB(Condition.ANB_PLUS, n);
            anyWorse |= d.negative();
            anyBetter |= d.positive();
            sum += d.mean();
            ours.append(n > 1 ? ", " : "").append(signed(d.mean())).append(d.negative() ? "*" : d.positive() ? "*" : "");
        }
        double overall = sum / layers;
        ours.append(String.format(Locale.ROOT, "; mean %s (baseB %.3f); * = 95%% CI excludes 0", signed(overall),
                mean(Condition.BASE_B, 0)));
        Claim.Verdict verdict = !anyWorse && overall >= 0 ? Claim.Verdict.REPRODUCED
                : !anyWorse || overall >= 0 ? Claim.Verdict.PARTLY : Claim.Verdict.NOT_REPRODUCED;
        return new Claim("a", "transfer plus fine-tuning (AnB+) generalises at least as well as baseB, at every n",
                "baseB 0.625; AnB+ 0.637–0.647 (+1.2 to +2.2 points, every n)", ours + (anyBetter ? "; significantly better at some n" : ""),
                verdict, "yes when at no n the 95% CI of AnB+ − baseB (paired by split and seed) lies below 0 and the mean over n "
                        + "is ≥ 0; partly when only one of the two holds; else no");
    }

    /** (b) Frozen features from A transfer worse the more layers are copied. */
    Claim specificity() {
        Interval drop = between(Condition.ANB, layers, 1);
        double[] n = new double[layers];
        double[] means = new double[layers];
        StringBuilder ours = new StringBuilder("AnB by n: ");
        for (int i = 1; i <= layers; i++) {
            n[i - 1] = i;
            means[i - 1] = mean(Condition.ANB, i);
            ours.append(i > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", means[i - 1]));
        }
        double rho = layers > 2 ? new SpearmansCorrelation().correlation(n, means) : -1;
        ours.append(String.format(Locale.ROOT, "; n=%d − n=1: %s [%s, %s]; Spearman ρ(n, mean) %.2f", layers, signed(drop.mean()),
                signed(drop.low()), signed(drop.high()), rho));
        boolean significant = drop.negative();
        boolean trend = rho <= -0.8;
        Claim.Verdict verdict = significant && trend ? Claim.Verdict.REPRODUCED
                : significant || trend ? Claim.Verdict.PARTLY : Claim.Verdict.NOT_REPRODUCED;
        return new Claim("b", "frozen transfer from A (AnB) degrades as n grows (the features of higher layers are specific to A)",
                "AnB ≈ baseB (0.625) at n = 1–2, falling to 0.543 at n = 7 (−8 points)", ours.toString(), verdict,
                "yes when the 95% CI of AnB(n=" + layers + ") − AnB(n=1) (paired) lies below 0 and the means fall with n "
                        + "(Spearman ρ ≤ −0.8); partly when only one holds; else no");
    }

    /** (c) BnB dips in the middle layers: fragile co-adaptation. */
    Claim coAdaptation() {
        StringBuilder ours = new StringBuilder("BnB − baseB by n: ");
        int deepest = -1;
        boolean significantMiddle = false;
        for (int n = 1; n <= layers; n++) {
            Interval d = againstBaseB(Condition.BNB, n);
            boolean middle = n > 1 && n < layers;
            ours.append(n > 1 ? ", " : "").append(signed(d.mean())).append(d.negative() ? "*" : "");
            if (middle && (deepest < 0 || d.mean() < againstBaseB(Condition.BNB, deepest).mean())) {
                deepest = n;
            }
            significantMiddle |= middle && d.negative();
        }
        boolean recovers = deepest > 0 && mean(Condition.BNB, layers) > mean(Condition.BNB, deepest);
        ours.append("; * = 95% CI below 0");
        if (deepest > 0) {
            ours.append(String.format(Locale.ROOT, "; deepest middle point n=%d (%.3f), n=%d: %.3f", deepest,
                    mean(Condition.BNB, deepest), layers, mean(Condition.BNB, layers)));
        }
        Claim.Verdict verdict = significantMiddle && recovers ? Claim.Verdict.REPRODUCED
                : significantMiddle ? Claim.Verdict.PARTLY : Claim.Verdict.NOT_REPRODUCED;
        return new Claim("c", "BnB dips below baseB in the middle layers and recovers at the top (fragile co-adaptation)",
                "BnB 0.594 at n = 5 against baseB 0.625 (−3.1 points), back near baseB at n = 6–7", ours.toString(), verdict,
                "yes when at some middle n (1 < n < " + layers + ") the 95% CI of BnB − baseB (paired) lies below 0 and BnB at n="
                        + layers + " is above that dip; partly when it dips without recovering; no when no middle n is "
                        + "significantly below baseB");
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }
}
