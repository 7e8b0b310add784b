package org.transferlab.core.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlab.core.data.TaskType;

/**
 * The test metrics a task is scored with, the one its reports lead with, and which way is better:
 * accuracy for classification, RMSE for regression (lower is better, so a transfer gain is a drop),
 * NMI for clustering. Reports, negative-transfer flags and plots read the direction from here.
 *
 * @param task    the task these metrics score
 * @param columns the metric columns of a results row, in order
 * @param primary the metric tables and plots compare strategies on
 * @param lowerIsBetter the columns where a smaller value is better (errors)
 */
public record TaskMetrics(TaskType task, List<String> columns, String primary, List<String> lowerIsBetter) {
    private static final TaskMetrics CLASSIFICATION = new TaskMetrics(TaskType.CLASSIFICATION,
            List.of(ClassificationMetrics.ACCURACY, ClassificationMetrics.MACRO_F1), ClassificationMetrics.ACCURACY, List.of());
    private static final TaskMetrics REGRESSION = new TaskMetrics(TaskType.REGRESSION,
            List.of(RegressionMetrics.RMSE, RegressionMetrics.MAE, RegressionMetrics.R2), RegressionMetrics.RMSE,
            List.of(RegressionMetrics.RMSE, RegressionMetrics.MAE));
    private static final TaskMetrics CLUSTERING = new TaskMetrics(TaskType.CLUSTERING,
            List.of(ClusteringMetrics.NMI, ClusteringMetrics.AMI, ClusteringMetrics.ARI), ClusteringMetrics.NMI, List.of());

    public TaskMetrics {
        columns = List.copyOf(columns);
        lowerIsBetter = List.copyOf(lowerIsBetter);
        if (!columns.contains(primary)) {
            throw new IllegalArgumentException("primary metric " + primary + " is not one of " + columns);
        }
    }

    public static TaskMetrics of(TaskType task) {
        return switch (task) {
            case CLASSIFICATION -> CLASSIFICATION;
            case REGRESSION -> REGRESSION;
            case CLUSTERING -> CLUSTERING;
        };
    }

    /** The task whose metric columns include {@code column}. */
    public static TaskMetrics withColumn(String column) {
        for (TaskType task : TaskType.values()) {
            if (of(task).columns().contains(column)) {
                return of(task);
            }
        }
        throw new IllegalArgumentException("no task is scored by '" + column + "'");
    }

    /** +1 when larger values of {@code metric} are better, −1 when smaller are. */
    public int direction(String metric) {
        return lowerIsBetter.contains(metric) ? -1 : 1;
    }

    /** Every column NaN: the row of a cell the strategy does not apply to. */
    public Map<String, Double> none() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        columns.forEach(c -> metrics.put(c, Double.NaN));
        return java.util.Collections.unmodifiableMap(metrics);
    }
}
