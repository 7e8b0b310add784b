package org.transferlab.experiments.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.transferlab.core.data.TaskType;
import org.transferlab.experiments.run.ResultsCsv;

/**
 * What each strategy cost, to test the claim that transfer cuts training time: per pair, strategy and
 * budget, the mean wall time of the target phase, the source training amortised over the cells that
 * used the source model, and the epochs and seconds it took to first reach the validation score that the
 * strategy's baseline ({@link Baselines}) finally reached on the same labels and seed, in the task's own
 * metric and direction: accuracy (higher is better) for classification, RMSE (lower is better) for
 * regression. "never" counts the seeds that did not reach it; a seed is not judged ("n/a") when the
 * strategy was not trained in epochs, or when it or its baseline had no validation score.
 */
public final class CostTable {
    private CostTable() {
    }

    /** The validation score of one epoch, or of a cell's kept fit, in the task's terms. */
    private record Score(TaskType task) {
        /** The score from a curve row or results row; NaN when there is none. */
        double of(Map<String, String> row) {
            return task == TaskType.REGRESSION ? Math.sqrt(number(row, "val_loss")) : number(row, "val_accuracy");
        }

        boolean reaches(double value, double goal) {
            return task == TaskType.REGRESSION ? value <= goal : value >= goal;
        }

        String name() {
            return task == TaskType.REGRESSION ? "validation RMSE" : "validation accuracy";
        }
    }

    public static String markdown(List<Map<String, String>> rows, Path curves, TaskType task, Baselines baselines) {
        Score score = new Score(task);
        Map<String, Double> sourceSeconds = new LinkedHashMap<>();
        Map<String, Integer> sourceUsers = new LinkedHashMap<>();
        Map<String, Map<String, String>> bySeed = new LinkedHashMap<>();
        Map<String, Set<String>> strategies = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            if (!"NaN".equals(row.get("source_val_accuracy"))) {
                sourceSeconds.merge(row.get("source_seed"), number(row, "source_train_s"), Double::sum);
                sourceUsers.merge(row.get("source_seed"), 1, Integer::sum);
            }
            bySeed.put(group(row, row.get("seed")) + "\u0000" + row.get("strategy"), row);
            strategies.computeIfAbsent(group(row, ""), k -> new LinkedHashSet<>()).add(row.get("strategy"));
        }
        Map<String, List<double[]>> byGroup = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            boolean usesSource = sourceUsers.containsKey(row.get("source_seed")) && !"NaN".equals(row.get("source_val_accuracy"));
            double amortised = usesSource ? sourceSeconds.get(row.get("source_seed")) / sourceUsers.get(row.get("source_seed")) : 0;
            String baseline = baselines.baselineOf(row.get("strategy"), strategies.get(group(row, "")));
            double[] reach = reach(row, bySeed.get(group(row, row.get("seed")) + "\u0000" + baseline), curves, score);
            byGroup.computeIfAbsent(group(row, "") + "\u0000" + row.get("strategy"), k -> new ArrayList<>())
                    .add(new double[] {number(row, "fit_s"), amortised, reach[0], reach[1], reach[2]});
        }
        StringBuilder out = new StringBuilder("| pair | budget | strategy | target phase (s) | amortised source (s) | "
                + "epochs to reach the baseline's " + score.name() + " | seconds to reach it | never reached |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|\n");
        byGroup.forEach((key, values) -> {
            List<double[]> judged = values.stream().filter(v -> v[4] > 0).toList();
            List<double[]> reached = judged.stream().filter(v -> !Double.isNaN(v[2])).toList();
            out.append("| ").append(key.replace("\u0000", " | "))
                    .append(" | ").append(fixed(values.stream().mapToDouble(v -> v[0]).average().orElse(Double.NaN)))
                    .append(" | ").append(fixed(values.stream().mapToDouble(v -> v[1]).average().orElse(Double.NaN)))
                    .append(" | ").append(reached.isEmpty() ? "—" : fixed(reached.stream().mapToDouble(v -> v[2]).average().orElseThrow()))
                    .append(" | ").append(reached.isEmpty() ? "—" : fixed(reached.stream().mapToDouble(v -> v[3]).average().orElseThrow()))
                    .append(" | ").append(judged.isEmpty() ? "n/a" : (judged.size() - reached.size()) + " of " + judged.size())
                    .append(" |\n");
        });
        return out.toString();
    }

    /** {epochs, seconds, judged}: to first reach the baseline's validation score; NaN when never; judged 0 when unknown. */
    private static double[] reach(Map<String, String> row, Map<String, String> baseline, Path curves, Score score) {
        double[] unknown = {Double.NaN, Double.NaN, 0};
        Path curve = curves.resolve(row.get("cell_id") + ".csv");
        if (baseline == null || !"1".equals(row.get("candidates")) || number(row, "epochs_run") == 0
                || !Files.isRegularFile(curve)) {
            return unknown;
        }
        double goal = score.of(baseline);
        if (Double.isNaN(goal) || Double.isNaN(score.of(row))) {
            return unknown;
        }
        for (Map<String, String> epoch : ResultsCsv.read(curve)) {
            if (score.reaches(score.of(epoch), goal)) {
                double epochs = Double.parseDouble(epoch.get("epoch"));
                return new double[] {epochs, number(row, "fit_s") * epochs / number(row, "epochs_run"), 1};
            }
        }
        return new double[] {Double.NaN, Double.NaN, 1};
    }

    private static String group(Map<String, String> row, String seed) {
        String pair = row.get("source") + " → " + row.get("target");
        return pair + "\u0000" + ComparisonTable.budgetLabel(row) + (seed.isEmpty() ? "" : "\u0000" + seed);
    }

    private static double number(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? Double.NaN : Double.parseDouble(value);
    }

    private static String fixed(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
