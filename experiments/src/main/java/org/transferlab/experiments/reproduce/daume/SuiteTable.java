package org.transferlab.experiments.reproduce.daume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.report.PairedTests;
import org.transferlab.experiments.run.StoredResult;

/**
 * The methods' test errors per target domain and size, in the layout of Daumé III's Table 2: one row per
 * (target, size), one column per method, the mean error over seeds, the best mean in a row and which
 * methods are statistically tied with it (paired t-test over the same seeds, p ≥ 0.05).
 */
final class SuiteTable {
    /** One row: target and size, and per column the error of each seed, in seed order. */
    record Row(String target, String size, Map<String, double[]> errors) {
        double mean(String column) {
            return java.util.Arrays.stream(errors.get(column)).average().orElse(Double.NaN);
        }

        double sd(String column) {
            double[] e = errors.get(column);
            double m = mean(column);
            return e.length < 2 ? Double.NaN
                    : Math.sqrt(java.util.Arrays.stream(e).map(v -> (v - m) * (v - m)).sum() / (e.length - 1));
        }

        String best() {
            return errors.keySet().stream().min(java.util.Comparator.comparingDouble(this::mean)).orElseThrow();
        }

        /** Whether {@code column} is the best or not significantly worse than it. */
        boolean bestOrTied(String column) {
            String best = best();
            return column.equals(best) || PairedTests.pairedT(errors.get(column), errors.get(best)) >= 0.05;
        }
    }

    private final List<String> columns;
    private final List<Row> rows;

    private SuiteTable(List<String> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * @param strategies the strategy behind each column that was run
     * @param metric     the results column to read
     * @param asError    read the metric as a score and report 1 − score (accuracy → error rate)
     */
    static SuiteTable of(List<StoredResult> results, Map<String, String> strategies, String metric, boolean asError) {
        Map<String, Map<String, Map<String, TreeMap<Integer, Double>>>> grouped = new LinkedHashMap<>();
        for (StoredResult r : results) {
            String size = r.budget().amount() + (r.budget().kind() == LabelBudget.Kind.PER_CLASS ? " per class" : " rows");
            double value = r.metric(metric);
            grouped.computeIfAbsent(r.target(), k -> new LinkedHashMap<>()).computeIfAbsent(size, k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.strategy(), k -> new TreeMap<>())
                    .put(r.seed(), asError ? 1 - value : value);
        }
        List<Row> rows = new ArrayList<>();
        grouped.forEach((target, bySize) -> bySize.forEach((size, byStrategy) -> {
            Map<String, double[]> errors = new LinkedHashMap<>();
            strategies.forEach((column, strategy) -> {
                TreeMap<Integer, Double> seeds = byStrategy.get(strategy);
                if (seeds != null && seeds.values().stream().noneMatch(v -> v.isNaN())) {
                    errors.put(column, seeds.values().stream().mapToDouble(Double::doubleValue).toArray());
                }
            });
            rows.add(new Row(target, size, errors));
        }));
        return new SuiteTable(List.copyOf(strategies.keySet()), rows);
    }

    List<Row> rows() {
        return rows;
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| target | size | ").append(String.join(" | ", columns)).append(" |\n|---|---|");
        columns.forEach(c -> out.append("---:|"));
        out.append("\n");
        for (Row row : rows) {
            out.append("| ").append(row.target()).append(" | ").append(row.size());
            String best = row.best();
            for (String column : columns) {
                out.append(" | ");
                if (!row.errors().containsKey(column)) {
                    out.append("n/a");
                    continue;
                }
                String value = String.format(Locale.ROOT, "%.3f ± %.3f", row.mean(column), row.sd(column));
                out.append(column.equals(best) ? "**" + value + "**" : row.bestOrTied(column) ? value + " ≈" : value);
            }
            out.append(" |\n");
        }
        return out.toString();
    }
}
