package org.transferlab.experiments.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.OverfitCheck;
import org.transferlab.transfer.engine.FitSummary;

/**
 * One cell's result as a run directory keeps it: a row of {@code results.csv} (and of the cell's committed
 * record, {@code cells/ID.csv}), typed. The runner makes it from a {@link ResultRow}; the report, merge and
 * Slurm commands read it back with {@link ResultsCsv}, which alone knows the columns. What is written is what
 * is read: timings are kept to the millisecond, as the file keeps them, and the strategy's parameters as
 * their text.
 *
 * @param cellId             the cell's id ({@link Cell#id()})
 * @param source             the pair's source: a domain or a model file, by name
 * @param target             the pair's target domain, by name
 * @param strategy           the strategy entry's name, as the config writes it ({@code fine-tuning@top2})
 * @param budget             the label budget the cell was given
 * @param seed               the seed index, from 0
 * @param seeds              the seeds the cell derived from the base seed
 * @param shares             which part of their train partitions source and target used
 * @param sizes              how many target examples trained, validated and were tested on
 * @param task               the target's task
 * @param status             {@link ResultRow#OK}, or why the strategy does not apply to the cell (then every metric is NaN)
 * @param metrics            the test metrics of the task, in {@link TaskMetrics} order
 * @param fit                the kept epoch, its losses and its train and validation score (accuracy, or R² for regression)
 * @param overfit            the train-validation gap in the task's terms and the overfit flag ({@code true}, {@code false}, {@code n/a})
 * @param earlyStopping      which rule chose the kept epoch ({@link #earlyStopping(FitSummary)})
 * @param sourceValAccuracy  the source model's held-out accuracy; NaN when the cell used no source model, or one from a file
 * @param sourceTrained      whether this cell trained the shared source model
 * @param timings            what the cell cost
 * @param strategyParameters the parameters the cell kept, as text ({@code Parameters[learningRate=0.01, ...]})
 * @param candidates         how many parameter candidates were fitted
 * @param selectedBy         how the kept candidate was chosen
 */
public record StoredResult(String cellId, String source, String target, String strategy, LabelBudget budget, int seed,
                           CellSeeds seeds, PairShares shares, Sizes sizes, TaskType task, String status,
                           Map<String, Double> metrics, FitSummary fit, OverfitCheck.Judgement overfit, String earlyStopping,
                           double sourceValAccuracy, boolean sourceTrained, Timings timings, String strategyParameters,
                           int candidates, String selectedBy) {
    /** The early-stopping rule of a fit without epochs. */
    public static final String NO_EPOCHS = "none";
    /** The early-stopping rule when the budget left no validation split (one label per class). */
    public static final String BY_TRAINING_LOSS = "training loss (no validation split)";
    /** The early-stopping rule with a validation split. */
    public static final String BY_VALIDATION_LOSS = "validation loss";

    /**
     * The seeds a cell derived from the study's base seed ({@link Cell}).
     *
     * @param base   the study's base seed
     * @param source seeds the source network's training (shared by every cell with this source model)
     * @param sample seeds the draw of the label budget (the same for every strategy)
     * @param fit    seeds the strategy's own randomness (the same for every strategy)
     */
    public record CellSeeds(long base, long source, long sample, long fit) {
    }

    /** How many target examples the cell's model trained on, validated on and was tested on. */
    public record Sizes(int train, int validation, int test) {
    }

    /**
     * What a cell cost, in seconds, to the millisecond: training the source model (0 when reused), fitting
     * the strategy (every candidate) and evaluating on the test partition. They depend on the machine and on
     * parallel workers; nothing else in a result does.
     */
    public record Timings(double sourceTrainSeconds, double fitSeconds, double evalSeconds) {
        /** The timings as a run directory keeps them: rounded as {@code results.csv} writes them. */
        public static Timings asStored(double sourceTrainSeconds, double fitSeconds, double evalSeconds) {
            return new Timings(ResultsCsv.storedSeconds(sourceTrainSeconds), ResultsCsv.storedSeconds(fitSeconds),
                    ResultsCsv.storedSeconds(evalSeconds));
        }

        /** Source training, fitting and evaluation together. */
        public double total() {
            return sourceTrainSeconds + fitSeconds + evalSeconds;
        }
    }

    public StoredResult {
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(overfit, "overfit");
        if (!metrics.keySet().equals(java.util.Set.copyOf(TaskMetrics.of(task).columns()))) {
            throw new IllegalArgumentException("a " + task.name().toLowerCase(java.util.Locale.ROOT) + " result has the metrics "
                    + TaskMetrics.of(task).columns() + ", got " + metrics.keySet());
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String column : TaskMetrics.of(task).columns()) {
            ordered.put(column, metrics.get(column));
        }
        metrics = Collections.unmodifiableMap(ordered);
    }

    /** The stored form of a cell the runner just finished. */
    public static StoredResult of(ResultRow row) {
        Cell cell = row.cell();
        return new StoredResult(cell.id(), cell.source().name(), cell.target().name(), cell.strategy().name(), cell.budget(),
                cell.seedIndex(), new CellSeeds(cell.baseSeed(), cell.sourceSeed(), cell.sampleSeed(), cell.fitSeed()),
                cell.shares(), new Sizes(row.trainSize(), row.validationSize(), row.testSize()), row.task(), row.status(),
                row.metrics(), row.fit(), row.overfit(), earlyStopping(row.fit()),
                row.sourceMetrics().getOrDefault("source_val_accuracy", Double.NaN), row.sourceTrained(),
                Timings.asStored(row.sourceSeconds(), row.fitSeconds(), row.evalSeconds()), row.parameters().toString(),
                row.candidates(), row.selectedBy());
    }

    /**
     * Which rule chose a fit's kept epoch: none without epochs; the training loss when a budget of one label per
     * class leaves no validation split; the validation loss otherwise.
     */
    public static String earlyStopping(FitSummary fit) {
        if (fit.epochsRun() == 0) {
            return NO_EPOCHS;
        }
        return Double.isNaN(fit.validationLoss()) && Double.isNaN(fit.validationAccuracy()) ? BY_TRAINING_LOSS : BY_VALIDATION_LOSS;
    }

    /** Whether the strategy applied to the cell, so that it has metrics. */
    public boolean ok() {
        return ResultRow.OK.equals(status);
    }

    /** A test metric of the task ({@code accuracy}, {@code rmse}, {@code nmi}, ...). */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; have " + metrics.keySet());
        }
        return value;
    }

    /**
     * Whether the cell used a source model with a held-out accuracy: one trained on a source domain (by this
     * cell, another or an earlier run), not a model file.
     */
    public boolean hasSourceAccuracy() {
        return !Double.isNaN(sourceValAccuracy);
    }
}
