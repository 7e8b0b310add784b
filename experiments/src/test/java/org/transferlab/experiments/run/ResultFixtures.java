package org.transferlab.experiments.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.OverfitCheck;
import org.transferlab.transfer.engine.FitSummary;

/**
 * Results for report tests, without running anything: a builder that starts from a neutral result (source
 * {@code s}, target {@code t}, 5 labels per class, seed 0, no fit, every metric NaN) and sets what a test needs.
 */
public final class ResultFixtures {
    private String cellId = "cell";
    private String source = "s";
    private String target = "t";
    private String strategy = "target-only";
    private LabelBudget budget = LabelBudget.perClass(5);
    private int seed;
    private long sourceSeed = 1;
    private TaskType task = TaskType.CLASSIFICATION;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private String status = ResultRow.OK;
    private FitSummary fit = FitSummary.NONE;
    private OverfitCheck.Judgement overfit = OverfitCheck.Judgement.NOT_JUDGED;
    private double sourceValAccuracy = Double.NaN;
    private boolean sourceTrained;
    private double fitSeconds;
    private String parameters = "Parameters[]";
    private int candidates = 1;

    private ResultFixtures() {
    }

    public static ResultFixtures result() {
        return new ResultFixtures();
    }

    /** A result of {@code strategy} at {@code seed} whose task is {@code metric}'s, with that metric's value. */
    public static StoredResult of(String strategy, int seed, String metric, double value) {
        return result().strategy(strategy).seed(seed).metric(metric, value).build();
    }

    public ResultFixtures cellId(String id) {
        cellId = id;
        return this;
    }

    public ResultFixtures pair(String sourceName, String targetName) {
        source = sourceName;
        target = targetName;
        return this;
    }

    public ResultFixtures strategy(String name) {
        strategy = name;
        return this;
    }

    public ResultFixtures budget(LabelBudget value) {
        budget = value;
        return this;
    }

    public ResultFixtures seed(int index) {
        seed = index;
        return this;
    }

    public ResultFixtures sourceSeed(long value) {
        sourceSeed = value;
        return this;
    }

    /** Sets a metric, and the task to the one it scores. */
    public ResultFixtures metric(String name, double value) {
        TaskType of = TaskMetrics.withColumn(name).task();
        if (of != task) {
            metrics.clear();
            task = of;
        }
        metrics.put(name, value);
        return this;
    }

    public ResultFixtures status(String text) {
        status = text;
        return this;
    }

    public ResultFixtures fit(FitSummary summary) {
        fit = summary;
        return this;
    }

    public ResultFixtures overfit(double gap, String flag) {
        overfit = new OverfitCheck.Judgement(gap, flag);
        return this;
    }

    public ResultFixtures sourceModel(double accuracy, boolean trainedHere) {
        sourceValAccuracy = accuracy;
        sourceTrained = trainedHere;
        return this;
    }

    public ResultFixtures fitSeconds(double seconds) {
        fitSeconds = seconds;
        return this;
    }

    public ResultFixtures parameters(String text, int count) {
        parameters = text;
        candidates = count;
        return this;
    }

    public StoredResult build() {
        Map<String, Double> all = new LinkedHashMap<>();
        TaskMetrics.of(task).columns().forEach(c -> all.put(c, metrics.getOrDefault(c, Double.NaN)));
        return new StoredResult(cellId, source, target, strategy, budget, seed, new StoredResult.CellSeeds(1, sourceSeed, 2, 3),
                PairShares.ALL, new StoredResult.Sizes(10, 0, 20), task, status, all, fit, overfit, StoredResult.earlyStopping(fit),
                sourceValAccuracy, sourceTrained, new StoredResult.Timings(0, fitSeconds, 0), parameters, candidates, "only candidate");
    }
}
