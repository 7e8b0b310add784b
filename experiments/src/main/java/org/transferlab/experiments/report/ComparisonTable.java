package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.CorrectionFamily;
import org.transferlab.experiments.config.VerdictTest;
import org.transferlab.experiments.run.StoredResult;

/**
 * For each pair, budget and strategy: the metric's mean, standard deviation and 95% CI over seeds, and
 * the paired comparison with the strategy's no-transfer baseline ({@link Baselines}) on the same target
 * data and seeds: the mean difference with its 95% CI, a paired t-test, Wilcoxon's signed-rank test and
 * the sign-flip permutation test, and the p-value of the study's verdict test Holm-corrected within its
 * family ({@link ComparisonRules}). A strategy is flagged as negative transfer when it is worse than its
 * baseline with a corrected p below 0.05 — worse meaning lower for scores (accuracy, NMI) and higher for
 * errors (RMSE), as {@link TaskMetrics} says.
 */
public final class ComparisonTable {
    static final double ALPHA = 0.05;
    private final String metric;
    private final ComparisonRules rules;
    private final List<Line> lines;

    /**
     * How a strategy compares with its baseline.
     *
     * @param baseline     the strategy it is compared with
     * @param delta        the mean paired difference (strategy − baseline) with its 95% CI
     * @param pValueT      paired t-test p-value, two-sided
     * @param pValueW      Wilcoxon signed-rank p-value, two-sided
     * @param pValuePermutation sign-flip permutation p-value, two-sided
     * @param pValueHolm   the verdict test's p-value, Holm-corrected within its family
     * @param familySize   how many comparisons that correction spans
     */
    public record Comparison(String baseline, Interval delta, double pValueT, double pValueW, double pValuePermutation,
                             double pValueHolm, int familySize) {
        Comparison corrected(double holm, int size) {
            return new Comparison(baseline, delta, pValueT, pValueW, pValuePermutation, holm, size);
        }
    }

    /**
     * One row of the table.
     *
     * @param comparison        how it compares with its baseline; null for a baseline itself
     * @param overfitting       the mean train-validation gap and how many seeds were flagged overfit
     * @param direction         +1 when a larger metric is better (accuracy, NMI), −1 when a smaller one is (RMSE)
     * @param usesTargetLabels  false for a strategy that read no target label while its baseline did
     */
    public record Line(String source, String target, LabelBudget budget, String strategy, Interval value, double sd,
                       Comparison comparison, Overfitting overfitting, int direction, boolean usesTargetLabels) {
        /** The pair, as tables name it: {@code source → target}. */
        public String pair() {
            return source + " → " + target;
        }

        /** The budget, as tables name it: {@code 5/class}, {@code 40 total}. */
        public String budgetLabel() {
            return budget.label();
        }

        /** The paired difference from the baseline; null for a baseline. */
        public Interval delta() {
            return comparison == null ? null : comparison.delta();
        }

        /** The verdict test's corrected p-value; null for a baseline. */
        public Double pValueHolm() {
            return comparison == null ? null : comparison.pValueHolm();
        }

        public Double pValueT() {
            return comparison == null ? null : comparison.pValueT();
        }

        public boolean negativeTransfer() {
            return significant() && delta().mean() * direction < 0;
        }

        public boolean positiveTransfer() {
            return significant() && delta().mean() * direction > 0;
        }

        private boolean significant() {
            return comparison != null && comparison.pValueHolm() < ALPHA;
        }

        public String verdict() {
            if (comparison == null) {
                return "";
            }
            return negativeTransfer() ? "**worse: negative transfer**" : positiveTransfer() ? "better" : "no significant difference";
        }
    }

    /** Mean train-validation gap over the seeds that were judged, and how many of them overfit. */
    public record Overfitting(double meanGap, int flagged, int judged) {
        static Overfitting of(List<StoredResult> rows) {
            List<Double> gaps = rows.stream().map(r -> r.overfit().gap()).filter(g -> !g.isNaN()).toList();
            int flagged = (int) rows.stream().filter(r -> "true".equals(r.overfit().flag())).count();
            return new Overfitting(gaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), flagged, gaps.size());
        }
    }

    private ComparisonTable(String metric, ComparisonRules rules, List<Line> lines) {
        this.metric = metric;
        this.rules = rules;
        this.lines = List.copyOf(lines);
    }

    /** Builds the table from results with the default rules. */
    public static ComparisonTable of(List<StoredResult> rows, String metric) {
        return of(rows, metric, ComparisonRules.DEFAULT);
    }

    /** A pair of a table: its source and target, by name. */
    private record Pair(String source, String target) {
    }

    /** Builds the table from results: one line per pair, budget and strategy, in the order the results first name them. */
    public static ComparisonTable of(List<StoredResult> rows, String metric, ComparisonRules rules) {
        Map<Pair, Map<LabelBudget, Map<String, Map<Integer, Double>>>> grouped = new LinkedHashMap<>();
        Map<List<Object>, List<StoredResult>> rowsByLine = new LinkedHashMap<>();
        for (StoredResult row : rows) {
            Pair pair = new Pair(row.source(), row.target());
            grouped.computeIfAbsent(pair, k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.budget(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.strategy(), k -> new LinkedHashMap<>())
                    .put(row.seed(), row.metric(metric));
            rowsByLine.computeIfAbsent(List.of(pair, row.budget(), row.strategy()), k -> new ArrayList<>()).add(row);
        }
        int direction = TaskMetrics.withColumn(metric).direction(metric);
        Baselines baselines = rules.baselines();
        List<Line> lines = new ArrayList<>();
        grouped.forEach((pair, byBudget) -> byBudget.forEach((budget, byStrategy) -> byStrategy.forEach((strategy, bySeed) -> {
            String baselineName = baselines.baselineOf(strategy, byStrategy.keySet());
            Map<Integer, Double> baseline = byStrategy.get(baselineName);
            List<Double> values = new ArrayList<>(bySeed.values());
            Overfitting overfitting = Overfitting.of(rowsByLine.get(List.of(pair, budget, strategy)));
            boolean labelled = baselines.usesTargetLabels(strategy) || !baselines.usesTargetLabels(baselineName);
            Comparison comparison = baseline == null || baselines.isBaseline(strategy) ? null
                    : compare(baselineName, bySeed, baseline, rules.verdictTest());
            lines.add(new Line(pair.source(), pair.target(), budget, strategy, Interval.of(values), standardDeviation(values),
                    comparison, overfitting, direction, labelled));
        })));
        return new ComparisonTable(metric, rules, correct(lines, rules.family()));
    }

    private static Comparison compare(String baselineName, Map<Integer, Double> bySeed, Map<Integer, Double> baseline,
                                      VerdictTest test) {
        List<Integer> seeds = bySeed.keySet().stream().filter(baseline::containsKey).toList();
        double[] a = seeds.stream().mapToDouble(bySeed::get).toArray();
        double[] b = seeds.stream().mapToDouble(baseline::get).toArray();
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            differences.add(a[i] - b[i]);
        }
        return new Comparison(baselineName, Interval.of(differences), PairedTests.pairedT(a, b), PairedTests.wilcoxon(a, b),
                PairedTests.permutation(a, b), PairedTests.pValue(test, a, b), 0);
    }

    /** Holm's correction of the verdict p-values (held in pValueHolm until now), family by family. */
    private static List<Line> correct(List<Line> lines, CorrectionFamily family) {
        Map<List<Object>, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).comparison() != null) {
                families.computeIfAbsent(familyKey(lines.get(i), family), k -> new ArrayList<>()).add(i);
            }
        }
        List<Line> corrected = new ArrayList<>(lines);
        for (List<Integer> members : families.values()) {
            double[] adjusted = PairedTests.holm(members.stream().mapToDouble(i -> lines.get(i).comparison().pValueHolm()).toArray());
            int size = (int) java.util.Arrays.stream(adjusted).filter(p -> !Double.isNaN(p)).count();
            for (int k = 0; k < members.size(); k++) {
                Line line = lines.get(members.get(k));
                corrected.set(members.get(k), new Line(line.source(), line.target(), line.budget(), line.strategy(), line.value(),
                        line.sd(), line.comparison().corrected(adjusted[k], size), line.overfitting(), line.direction(),
                        line.usesTargetLabels()));
            }
        }
        return corrected;
    }

    private static List<Object> familyKey(Line line, CorrectionFamily family) {
        return switch (family) {
            case STUDY -> List.of();
            case PAIR -> List.of(line.source(), line.target());
            case PAIR_AND_BUDGET -> List.of(line.source(), line.target(), line.budget());
        };
    }

    public List<Line> lines() {
        return lines;
    }

    /** The metric the table compares. */
    public String metric() {
        return metric;
    }

    public ComparisonRules rules() {
        return rules;
    }

    /**
     * What decides the verdicts, in words: the test, the family, and, when the number of seeds puts every
     * verdict out of reach, that no comparison can be significant and how many seeds it would take.
     */
    public String decisionRule() {
        String test = switch (rules.verdictTest()) {
            case T -> "the paired t-test";
            case WILCOXON -> "Wilcoxon's signed-rank test (exact, ties included)";
            case PERMUTATION -> "the sign-flip permutation test (exact up to 16 seeds)";
        };
        String family = switch (rules.family()) {
            case STUDY -> "every comparison of the table";
            case PAIR -> "the comparisons of each pair";
            case PAIR_AND_BUDGET -> "the comparisons of each pair and budget";
        };
        int largest = lines.stream().filter(l -> l.comparison() != null).mapToInt(l -> l.comparison().familySize()).max().orElse(0);
        StringBuilder out = new StringBuilder("Verdicts: ").append(test).append(", Holm-corrected over ").append(family)
                .append(" (").append(largest).append(largest == 1 ? " comparison" : " comparisons").append(" in the largest family); ")
                .append("significant when the corrected p is below ").append(ALPHA).append('.');
        int seeds = lines.stream().filter(l -> l.comparison() != null).mapToInt(l -> l.value().n()).max().orElse(0);
        double floor = PairedTests.smallestPValue(rules.verdictTest(), seeds);
        int smallest = lines.stream().filter(l -> l.comparison() != null).mapToInt(l -> l.comparison().familySize()).filter(s -> s > 0)
                .min().orElse(0);
        if (smallest > 0 && floor * smallest >= ALPHA) {
            int needed = seeds;
            while (PairedTests.smallestPValue(rules.verdictTest(), needed) * smallest >= ALPHA && needed < 64) {
                needed++;
            }
            out.append(String.format(Locale.ROOT, " With %d seeds this test cannot give a p below %.3g, %.3g after the correction "
                    + "over %d comparisons: no verdict here can be significant, whatever the data. It takes %d seeds; until then "
                    + "read the means and intervals, not the verdicts.", seeds, floor, Math.min(1, floor * smallest), smallest, needed));
        }
        return out.toString();
    }

    /** The table as Markdown, one section per pair, after a line saying what decides the verdicts. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        if (lines.stream().anyMatch(l -> l.comparison() != null)) {
            out.append(decisionRule()).append("\n\n");
        }
        TaskType task = TaskMetrics.withColumn(metric).task();
        String gapHeader = task == TaskType.REGRESSION ? "val/train RMSE" : "train−val gap";
        String currentPair = null;
        for (Line line : lines) {
            if (!Objects.equals(line.pair(), currentPair)) {
                if (currentPair != null) {
                    out.append("\n");
                }
                currentPair = line.pair();
                out.append("### ").append(currentPair).append("\n\n")
                        .append("| budget | strategy | ").append(metric)
                        .append(" | sd | 95% CI | Δ vs baseline | 95% CI of Δ | p (t) | p (Wilcoxon) | p (permutation) | p (Holm) | verdict | seeds ")
                        .append("| ").append(gapHeader).append(" | overfit |\n")
                        .append("|---|---|---:|---:|---|---:|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
            }
            Comparison c = line.comparison();
            out.append("| ").append(line.budgetLabel())
                    .append(" | ").append(strategyLabel(line))
                    .append(" | ").append(fixed(line.value().mean()))
                    .append(" | ").append(Double.isNaN(line.sd()) ? "" : fixed(line.sd()))
                    .append(" | ").append(range(line.value(), false))
                    .append(" | ").append(c == null ? "—" : signed(c.delta().mean()))
                    .append(" | ").append(c == null ? "" : range(c.delta(), true))
                    .append(" | ").append(c == null ? "" : p(c.pValueT()))
                    .append(" | ").append(c == null ? "" : p(c.pValueW()))
                    .append(" | ").append(c == null ? "" : p(c.pValuePermutation()))
                    .append(" | ").append(c == null ? "" : p(c.pValueHolm()))
                    .append(" | ").append(line.verdict())
                    .append(" | ").append(line.value().n())
                    .append(" | ").append(gap(line.overfitting().meanGap(), task))
                    .append(" | ").append(line.overfitting().judged() == 0 ? "n/a"
                            : line.overfitting().flagged() + " of " + line.overfitting().judged())
                    .append(" |\n");
        }
        return out.toString();
    }

    /** The strategy, with what it is compared with when that is not {@code target-only}, and whether it used labels. */
    static String strategyLabel(Line line) {
        StringBuilder label = new StringBuilder(line.strategy());
        if (line.comparison() != null && !line.comparison().baseline().equals(org.transferlab.transfer.baseline.TargetOnly.NAME)) {
            label.append(" (vs ").append(line.comparison().baseline()).append(")");
        }
        if (!line.usesTargetLabels()) {
            label.append(" (no target labels)");
        }
        return label.toString();
    }

    private static double standardDeviation(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        org.apache.commons.math3.stat.descriptive.SummaryStatistics stats = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        values.forEach(stats::addValue);
        return stats.getStandardDeviation();
    }

    private static String gap(double gap, TaskType task) {
        if (Double.isNaN(gap)) {
            return "n/a";
        }
        return task == TaskType.REGRESSION ? String.format(Locale.ROOT, "%.2f", gap) : signed(gap);
    }

    /** A p-value as the tables print it: three significant digits, n/a when undefined. */
    static String p(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3g", value);
    }

    private static String range(Interval interval, boolean signed) {
        if (!interval.defined()) {
            return "n/a (1 seed)";
        }
        return "[" + (signed ? signed(interval.low()) : fixed(interval.low())) + ", "
                + (signed ? signed(interval.high()) : fixed(interval.high())) + "]";
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }
}
