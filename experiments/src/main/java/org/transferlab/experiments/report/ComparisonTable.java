package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.transfer.baseline.TargetOnly;

/**
 * For each pair, budget and strategy: the metric's mean, standard deviation and 95% CI over seeds,
 * and the paired comparison with {@code target-only} (or {@code target-only@L} for a variant
 * {@code STRATEGY@L}, when the study has it) on the same target data and seeds: the mean
 * difference with its 95% CI, a paired t-test and a Wilcoxon signed-rank test, and the t-test's
 * p-value Holm-corrected across all comparisons in the table. A strategy is flagged as negative
 * transfer when it is worse than {@code target-only} with a Holm-corrected p below 0.05 — worse meaning
 * lower for scores (accuracy, NMI) and higher for errors (RMSE), as {@link TaskMetrics} says.
 */
public final class ComparisonTable {
    static final double ALPHA = 0.05;
    private final String metric;
    private final List<Line> lines;

    /**
     * One row of the table; {@code delta} and the p-values are null for the baseline itself.
     *
     * @param pValueT     paired t-test p-value, two-sided
     * @param pValueW     Wilcoxon signed-rank p-value, two-sided
     * @param pValueHolm  the t-test p-value, Holm-corrected across the table's comparisons
     * @param overfitting the mean train-validation score gap and how many seeds were flagged overfit
     * @param direction   +1 when a larger metric is better (accuracy, NMI), −1 when a smaller one is (RMSE)
     */
    public record Line(String pair, String budget, String strategy, Interval value, double sd, Interval delta,
                       Double pValueT, Double pValueW, Double pValueHolm, Overfitting overfitting, int direction) {
        public boolean negativeTransfer() {
            return delta != null && pValueHolm != null && pValueHolm < ALPHA && delta.mean() * direction < 0;
        }

        public boolean positiveTransfer() {
            return delta != null && pValueHolm != null && pValueHolm < ALPHA && delta.mean() * direction > 0;
        }

        public String verdict() {
            if (delta == null) {
                return "";
            }
            return negativeTransfer() ? "**worse: negative transfer**" : positiveTransfer() ? "better" : "no significant difference";
        }
    }

    /** Mean train-validation accuracy gap over the seeds that have one, and how many of them overfit. */
    public record Overfitting(double meanGap, int flagged, int judged) {
        static Overfitting of(List<Map<String, String>> rows) {
            List<Double> gaps = rows.stream().map(r -> r.getOrDefault("gap", "NaN")).map(Double::parseDouble)
                    .filter(g -> !g.isNaN()).toList();
            int flagged = (int) rows.stream().filter(r -> "true".equals(r.get("overfit"))).count();
            return new Overfitting(gaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), flagged, gaps.size());
        }
    }

    private ComparisonTable(String metric, List<Line> lines) {
        this.metric = metric;
        this.lines = List.copyOf(lines);
    }

    /** Builds the table from results rows ({@code results.csv} columns). */
    public static ComparisonTable of(List<Map<String, String>> rows, String metric) {
        Map<String, Map<String, Map<String, Map<String, Double>>>> grouped = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> rowsByLine = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String budget = row.get("budget") + ("per-class".equals(row.get("budget_kind")) ? "/class" : " total");
            String pair = row.get("source") + " → " + row.get("target");
            grouped.computeIfAbsent(pair, k -> new LinkedHashMap<>())
                    .computeIfAbsent(budget, k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.get("strategy"), k -> new LinkedHashMap<>())
                    .put(row.get("seed"), Double.parseDouble(row.get(metric)));
            rowsByLine.computeIfAbsent(pair + "|" + budget + "|" + row.get("strategy"), k -> new ArrayList<>()).add(row);
        }
        int direction = TaskMetrics.withColumn(metric).direction(metric);
        List<Line> lines = new ArrayList<>();
        List<Integer> compared = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        grouped.forEach((pair, byBudget) -> byBudget.forEach((budget, byStrategy) -> {
            byStrategy.forEach((strategy, bySeed) -> {
                Map<String, Double> baseline = byStrategy.get(baselineOf(strategy, byStrategy.keySet()));
                List<Double> values = new ArrayList<>(bySeed.values());
                Interval value = Interval.of(values);
                double sd = standardDeviation(values);
                Overfitting overfitting = Overfitting.of(rowsByLine.get(pair + "|" + budget + "|" + strategy));
                if (baseline == null || isBaseline(strategy)) {
                    lines.add(new Line(pair, budget, strategy, value, sd, null, null, null, null, overfitting, direction));
                    return;
                }
                List<String> seeds = bySeed.keySet().stream().filter(baseline::containsKey).toList();
                double[] a = seeds.stream().mapToDouble(bySeed::get).toArray();
                double[] b = seeds.stream().mapToDouble(baseline::get).toArray();
                List<Double> differences = new ArrayList<>();
                for (int i = 0; i < a.length; i++) {
                    differences.add(a[i] - b[i]);
                }
                double pT = PairedTests.pairedT(a, b);
                compared.add(lines.size());
                pValues.add(pT);
                lines.add(new Line(pair, budget, strategy, value, sd, Interval.of(differences), pT,
                        PairedTests.wilcoxon(a, b), null, overfitting, direction));
            });
        }));
        double[] adjusted = PairedTests.holm(pValues.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < compared.size(); i++) {
            Line line = lines.get(compared.get(i));
            lines.set(compared.get(i), new Line(line.pair(), line.budget(), line.strategy(), line.value(), line.sd(),
                    line.delta(), line.pValueT(), line.pValueW(), adjusted[i], line.overfitting(), line.direction()));
        }
        return new ComparisonTable(metric, lines);
    }

    /**
     * The no-transfer line a strategy is compared with: {@code target-only@L} for a variant
     * {@code STRATEGY@L} when the study has that baseline variant (HDBSCAN on embeddings against
     * HDBSCAN on raw features, say), otherwise {@code target-only}.
     */
    static String baselineOf(String strategy, java.util.Set<String> strategies) {
        int at = strategy.indexOf('@');
        if (at > 0) {
            String variant = TargetOnly.NAME + strategy.substring(at);
            if (strategies.contains(variant)) {
                return variant;
            }
        }
        return TargetOnly.NAME;
    }

    /** {@code target-only} and its variants are the baselines, never compared themselves. */
    static boolean isBaseline(String strategy) {
        return strategy.equals(TargetOnly.NAME) || strategy.startsWith(TargetOnly.NAME + "@");
    }

    public List<Line> lines() {
        return lines;
    }

    /** The table as Markdown, one section per pair. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        String currentPair = null;
        for (Line line : lines) {
            if (!Objects.equals(line.pair(), currentPair)) {
                currentPair = line.pair();
                out.append(out.length() == 0 ? "" : "\n").append("### ").append(currentPair).append("\n\n")
                        .append("| budget | strategy | ").append(metric)
                        .append(" | sd | 95% CI | Δ vs target-only | 95% CI of Δ | p (t) | p (Wilcoxon) | p (Holm) | verdict | seeds ")
                        .append("| train−val gap | overfit |\n")
                        .append("|---|---|---:|---:|---|---:|---|---:|---:|---:|---|---:|---:|---:|\n");
            }
            out.append("| ").append(line.budget())
                    .append(" | ").append(line.strategy())
                    .append(" | ").append(fixed(line.value().mean()))
                    .append(" | ").append(Double.isNaN(line.sd()) ? "" : fixed(line.sd()))
                    .append(" | ").append(range(line.value(), false))
                    .append(" | ").append(line.delta() == null ? "—" : signed(line.delta().mean()))
                    .append(" | ").append(line.delta() == null ? "" : range(line.delta(), true))
                    .append(" | ").append(p(line.pValueT()))
                    .append(" | ").append(p(line.pValueW()))
                    .append(" | ").append(p(line.pValueHolm()))
                    .append(" | ").append(line.verdict())
                    .append(" | ").append(line.value().n())
                    .append(" | ").append(Double.isNaN(line.overfitting().meanGap()) ? "n/a" : signed(line.overfitting().meanGap()))
                    .append(" | ").append(line.overfitting().judged() == 0 ? "n/a"
                            : line.overfitting().flagged() + " of " + line.overfitting().judged())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static double standardDeviation(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        org.apache.commons.math3.stat.descriptive.SummaryStatistics stats = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        values.forEach(stats::addValue);
        return stats.getStandardDeviation();
    }

    private static String p(Double value) {
        if (value == null) {
            return "";
        }
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
