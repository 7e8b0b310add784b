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
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.TaskType;
import org.transferlab.experiments.run.CurveBuffer;
import org.transferlab.experiments.run.StoredResult;

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
        /** The score from a validation loss and accuracy (R² for regression); NaN when there is none. */
        double of(double validationLoss, double validationAccuracy) {
            return task == TaskType.REGRESSION ? Math.sqrt(validationLoss) : validationAccuracy;
        }

        double of(StoredResult row) {
            return of(row.fit().validationLoss(), row.fit().validationAccuracy());
        }

        boolean reaches(double value, double goal) {
            return task == TaskType.REGRESSION ? value <= goal : value >= goal;
        }

        String name() {
            return task == TaskType.REGRESSION ? "validation RMSE" : "validation accuracy";
        }
    }

    /** The cells of one pair and budget: a strategy's cells are compared with its baseline's. */
    private record Group(String source, String target, LabelBudget budget) {
        static Group of(StoredResult row) {
            return new Group(row.source(), row.target(), row.budget());
        }

        String label() {
            return source + " → " + target + " | " + budget.label();
        }
    }

    /** One cell of a group, by strategy and seed. */
    private record Seeded(Group group, String strategy, int seed) {
    }

    public static String markdown(List<StoredResult> rows, Path curves, TaskType task, Baselines baselines) {
        Score score = new Score(task);
        Map<Long, Double> sourceSeconds = new LinkedHashMap<>();
        Map<Long, Integer> sourceUsers = new LinkedHashMap<>();
        Map<Seeded, StoredResult> bySeed = new LinkedHashMap<>();
        Map<Group, Set<String>> strategies = new LinkedHashMap<>();
        for (StoredResult row : rows) {
            if (row.hasSourceAccuracy()) {
                sourceSeconds.merge(row.seeds().source(), row.timings().sourceTrainSeconds(), Double::sum);
                sourceUsers.merge(row.seeds().source(), 1, Integer::sum);
            }
            bySeed.put(new Seeded(Group.of(row), row.strategy(), row.seed()), row);
            strategies.computeIfAbsent(Group.of(row), k -> new LinkedHashSet<>()).add(row.strategy());
        }
        Map<List<Object>, List<double[]>> byGroup = new LinkedHashMap<>();
        for (StoredResult row : rows) {
            long source = row.seeds().source();
            double amortised = row.hasSourceAccuracy() ? sourceSeconds.get(source) / sourceUsers.get(source) : 0;
            String baseline = baselines.baselineOf(row.strategy(), strategies.get(Group.of(row)));
            double[] reach = reach(row, bySeed.get(new Seeded(Group.of(row), baseline, row.seed())), curves, score);
            byGroup.computeIfAbsent(List.of(Group.of(row), row.strategy()), k -> new ArrayList<>())
                    .add(new double[] {row.timings().fitSeconds(), amortised, reach[0], reach[1], reach[2]});
        }
        StringBuilder out = new StringBuilder("| pair | budget | strategy | target phase (s) | amortised source (s) | "
                + "epochs to reach the baseline's " + score.name() + " | seconds to reach it | never reached |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|\n");
        byGroup.forEach((key, values) -> {
            List<double[]> judged = values.stream().filter(v -> v[4] > 0).toList();
            List<double[]> reached = judged.stream().filter(v -> !Double.isNaN(v[2])).toList();
            out.append("| ").append(((Group) key.get(0)).label()).append(" | ").append(key.get(1))
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
    private static double[] reach(StoredResult row, StoredResult baseline, Path curves, Score score) {
        double[] unknown = {Double.NaN, Double.NaN, 0};
        Path curve = curves.resolve(row.cellId() + ".csv");
        if (baseline == null || row.candidates() != 1 || row.fit().epochsRun() == 0 || !Files.isRegularFile(curve)) {
            return unknown;
        }
        double goal = score.of(baseline);
        if (Double.isNaN(goal) || Double.isNaN(score.of(row))) {
            return unknown;
        }
        for (CurveBuffer.Epoch epoch : CurveBuffer.read(curve)) {
            if (score.reaches(score.of(epoch.validationLoss(), epoch.validationAccuracy()), goal)) {
                double epochs = epoch.epoch();
                return new double[] {epochs, row.timings().fitSeconds() * epochs / row.fit().epochsRun(), 1};
            }
        }
        return new double[] {Double.NaN, Double.NaN, 1};
    }

    private static String fixed(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
