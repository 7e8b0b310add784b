package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.run.ResultRow;
import org.transferlab.transfer.baseline.TargetOnly;

/**
 * For each pair, budget and strategy: the metric's mean and 95% CI over seeds, and the paired
 * difference from {@code target-only} on the same target data and seeds, with its own 95% CI and a
 * plain verdict: "helps" or "hurts" when the interval excludes zero, "no clear difference" otherwise.
 */
public final class ComparisonTable {
    private final String metric;
    private final List<Line> lines;

    /** One row of the table. */
    public record Line(String pair, LabelBudget budget, String strategy, Interval value, Interval delta, String verdict) {
    }

    private ComparisonTable(String metric, List<Line> lines) {
        this.metric = metric;
        this.lines = List.copyOf(lines);
    }

    public static ComparisonTable of(List<ResultRow> rows, String metric) {
        Map<String, Map<LabelBudget, Map<String, Map<Integer, Double>>>> grouped = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            grouped.computeIfAbsent(row.cell().source().name() + " → " + row.cell().target().name(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.cell().budget(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.cell().strategy().name(), k -> new LinkedHashMap<>())
                    .put(row.cell().seedIndex(), row.metric(metric));
        }
        List<Line> lines = new ArrayList<>();
        grouped.forEach((pair, byBudget) -> byBudget.forEach((budget, byStrategy) -> {
            Map<Integer, Double> baseline = byStrategy.get(TargetOnly.NAME);
            byStrategy.forEach((strategy, bySeed) -> {
                Interval value = Interval.of(new ArrayList<>(bySeed.values()));
                Interval delta = null;
                String verdict = "";
                if (baseline != null && !strategy.equals(TargetOnly.NAME)) {
                    List<Double> differences = bySeed.entrySet().stream()
                            .filter(e -> baseline.containsKey(e.getKey()))
                            .map(e -> e.getValue() - baseline.get(e.getKey())).toList();
                    delta = Interval.of(differences);
                    verdict = delta.positive() ? "helps" : delta.negative() ? "hurts" : "no clear difference";
                }
                lines.add(new Line(pair, budget, strategy, value, delta, verdict));
            });
        }));
        return new ComparisonTable(metric, lines);
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
                        .append("| budget | strategy | ").append(metric).append(" | 95% CI | Δ vs target-only | 95% CI of Δ | verdict | seeds |\n")
                        .append("|---|---|---:|---|---:|---|---|---:|\n");
            }
            out.append("| ").append(line.budget().label())
                    .append(" | ").append(line.strategy())
                    .append(" | ").append(fixed(line.value().mean()))
                    .append(" | ").append(range(line.value(), false))
                    .append(" | ").append(line.delta() == null ? "—" : signed(line.delta().mean()))
                    .append(" | ").append(line.delta() == null ? "" : range(line.delta(), true))
                    .append(" | ").append(line.verdict())
                    .append(" | ").append(line.value().n())
                    .append(" |\n");
        }
        return out.toString();
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
