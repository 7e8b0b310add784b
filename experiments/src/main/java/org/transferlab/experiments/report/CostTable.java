package org.transferlab.experiments.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transferlab.experiments.run.ResultsCsv;
import org.transferlab.transfer.baseline.TargetOnly;

/**
 * What each strategy cost, to test the claim that transfer cuts training time: per pair, strategy and
 * budget, the mean wall time of the target phase, the source training amortised over the cells that
 * used the source model, and the epochs and seconds it took to first reach the validation accuracy
 * that {@code target-only} finally reached on the same labels and seed (from the learning curves;
 * "never" counts the seeds where it did not).
 */
public final class CostTable {
    private CostTable() {
    }

    public static String markdown(List<Map<String, String>> rows, Path curves) {
        Map<String, Double> sourceSeconds = new LinkedHashMap<>();
        Map<String, Integer> sourceUsers = new LinkedHashMap<>();
        Map<String, Map<String, String>> baselines = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            if (!"NaN".equals(row.get("source_val_accuracy"))) {
                sourceSeconds.merge(row.get("source_seed"), number(row, "source_train_s"), Double::sum);
                sourceUsers.merge(row.get("source_seed"), 1, Integer::sum);
            }
            if (TargetOnly.NAME.equals(row.get("strategy"))) {
                baselines.put(group(row, false), row);
            }
        }
        Map<String, List<double[]>> byGroup = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            boolean usesSource = sourceUsers.containsKey(row.get("source_seed")) && !"NaN".equals(row.get("source_val_accuracy"));
            double amortised = usesSource ? sourceSeconds.get(row.get("source_seed")) / sourceUsers.get(row.get("source_seed")) : 0;
            double[] reach = reach(row, baselines.get(group(row, false)), curves);
            byGroup.computeIfAbsent(group(row, true), k -> new ArrayList<>())
                    .add(new double[] {number(row, "fit_s"), amortised, reach[0], reach[1]});
        }
        StringBuilder out = new StringBuilder("| pair | budget | strategy | target phase (s) | amortised source (s) | "
                + "epochs to reach target-only's validation accuracy | seconds to reach it | never reached |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|\n");
        byGroup.forEach((key, values) -> {
            List<double[]> reached = values.stream().filter(v -> !Double.isNaN(v[2])).toList();
            out.append("| ").append(key.replace("\u0000", " | "))
                    .append(" | ").append(fixed(values.stream().mapToDouble(v -> v[0]).average().orElse(Double.NaN)))
                    .append(" | ").append(fixed(values.stream().mapToDouble(v -> v[1]).average().orElse(Double.NaN)))
                    .append(" | ").append(reached.isEmpty() ? "—" : fixed(reached.stream().mapToDouble(v -> v[2]).average().orElseThrow()))
                    .append(" | ").append(reached.isEmpty() ? "—" : fixed(reached.stream().mapToDouble(v -> v[3]).average().orElseThrow()))
                    .append(" | ").append(values.size() - reached.size()).append(" of ").append(values.size())
                    .append(" |\n");
        });
        return out.toString();
    }

    /** {epochs, seconds} to first reach the baseline's validation accuracy; NaN when never or unknown. */
    private static double[] reach(Map<String, String> row, Map<String, String> baseline, Path curves) {
        double[] never = {Double.NaN, Double.NaN};
        Path curve = curves.resolve(row.get("cell_id") + ".csv");
        if (baseline == null || !"1".equals(row.get("candidates")) || !Files.isRegularFile(curve)) {
            return never;
        }
        double goal = number(baseline, "val_accuracy");
        if (Double.isNaN(goal)) {
            return never;
        }
        for (Map<String, String> epoch : ResultsCsv.read(curve)) {
            if (Double.parseDouble(epoch.get("val_accuracy")) >= goal) {
                double epochs = Double.parseDouble(epoch.get("epoch"));
                return new double[] {epochs, number(row, "fit_s") * epochs / number(row, "epochs_run")};
            }
        }
        return never;
    }

    private static String group(Map<String, String> row, boolean withStrategy) {
        String budget = row.get("budget") + ("per-class".equals(row.get("budget_kind")) ? "/class" : " total");
        String pair = row.get("source") + " → " + row.get("target");
        return withStrategy ? pair + "\u0000" + budget + "\u0000" + row.get("strategy") : pair + "\u0000" + budget + "\u0000" + row.get("seed");
    }

    private static double number(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? Double.NaN : Double.parseDouble(value);
    }

    private static String fixed(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
