package org.transferlab.experiments.run;

import java.util.List;
import java.util.Map;
import org.transferlab.experiments.config.OverfitCheck;
import org.transferlab.transfer.engine.FitSummary;

/**
 * One cell's result: what it was, what it scored on the target's test partition, how it was fitted,
 * the seeds that made it and what it cost.
 *
 * @param parameters        the strategy parameters the cell used (the chosen candidate, when several were searched)
 * @param candidates        how many parameter candidates were fitted
 * @param selectedBy        how the candidate was chosen
 * @param metrics           test metrics by column name ({@code accuracy}, {@code macro_f1}; {@code rmse}, {@code mae},
 *                          {@code r2}; {@code nmi}, {@code ami}, {@code ari}), the task's columns in
 *                          {@link org.transferlab.core.metrics.TaskMetrics} order
 * @param fit               the kept epoch, its losses and accuracies on train and validation
 * @param overfit           the train-validation gap in the task's terms and whether it exceeds the study's
 *                          threshold ("n/a" when it cannot be judged: see {@link OverfitCheck})
 * @param sourceMetrics     the source model's own held-out metrics; empty for strategies without one
 * @param sourceTrained     whether this cell trained its source model (false: reused, or none used)
 * @param sourceSeconds     seconds spent training the source model in this cell (0 when reused)
 * @param fitSeconds        seconds the strategy's fit took
 * @param evalSeconds       seconds the test evaluation took
 * @param provenance        Tribuo's provenance of the cell's model, if it has one; empty otherwise
 * @param status            {@link #OK}, or why the strategy does not apply to this cell (then there are no metrics)
 * @param candidateRecords  each candidate of a cell that had several, with every validator's score and its test score;
 *                          empty otherwise
 */
public record ResultRow(Cell cell, Record parameters, int candidates, String selectedBy, int trainSize,
                        int validationSize, int testSize, Map<String, Double> metrics, FitSummary fit, OverfitCheck.Judgement overfit,
                        Map<String, Double> sourceMetrics, boolean sourceTrained, double sourceSeconds, double fitSeconds,
                        double evalSeconds, String provenance, String status, List<CandidateRecord> candidateRecords) {
    public static final String OK = "ok";

    public ResultRow {
        candidateRecords = List.copyOf(candidateRecords);
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** The task of the cell's target, read from its metric columns. */
    public org.transferlab.core.data.TaskType task() {
        return org.transferlab.core.metrics.TaskMetrics.withColumn(metrics.keySet().iterator().next()).task();
    }

    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; have " + metrics.keySet());
        }
        return value;
    }
}
