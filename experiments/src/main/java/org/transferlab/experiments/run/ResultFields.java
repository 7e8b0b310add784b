package org.transferlab.experiments.run;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.TrainShare;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.OverfitCheck;
import org.transferlab.transfer.engine.FitSummary;

/**
 * One row of a results table, read column by column into a {@link StoredResult} for {@link ResultsCsv}; a
 * missing column or a value that does not parse is an error naming the file, the line and the column.
 */
final class ResultFields {
    private static final List<String> FLAGS = List.of("true", "false", OverfitCheck.Judgement.NOT_JUDGED.flag());
    private final Path file;
    private final long line;
    private final List<String> header;
    private final CSVRecord record;

    ResultFields(Path file, long line, List<String> header, CSVRecord record) {
        this.file = file;
        this.line = line;
        this.header = header;
        this.record = record;
    }

    StoredResult result() {
        if (!header.contains("task")) {
            throw new TransferLabException(file + ": line 1: the header has no column 'task', which every result needs");
        }
        TaskType task = choice("task", TaskType.class);
        TaskMetrics taskMetrics = TaskMetrics.of(task);
        for (String column : ResultsCsv.columns(task)) {
            if (!header.contains(column)) {
                throw new TransferLabException(file + ": line 1: the header has no column '" + column + "', which every "
                        + "result of a " + name(task) + " target needs");
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        taskMetrics.columns().forEach(column -> metrics.put(column, real(column)));
        String score = task == TaskType.REGRESSION ? "r2" : "accuracy";
        FitSummary fit = new FitSummary(integer("best_epoch"), integer("epochs_run"), real("train_loss"), real("train_" + score),
                real("val_loss"), real("val_" + score));
        String flag = text("overfit");
        if (!FLAGS.contains(flag)) {
            throw wrong("overfit", "one of " + String.join(", ", FLAGS));
        }
        try {
            return new StoredResult(text("cell_id"), text("source"), text("target"), text("strategy"), budget(), integer("seed"),
                    new StoredResult.CellSeeds(whole("base_seed"), whole("source_seed"), whole("sample_seed"), whole("fit_seed")),
                    new PairShares(choice("source_share", TrainShare.class), choice("target_share", TrainShare.class)),
                    new StoredResult.Sizes(integer("train_size"), integer("validation_size"), integer("test_size")), task,
                    text("status"), metrics, fit, new OverfitCheck.Judgement(real(OverfitCheck.column(task)), flag),
                    text("early_stopping"), real("source_val_accuracy"), bool("source_trained"),
                    new StoredResult.Timings(real("source_train_s"), real("fit_s"), real("eval_s")), text("strategy_parameters"),
                    integer("candidates"), text("selected_by"));
        } catch (IllegalArgumentException e) {
            throw new TransferLabException(file + ": line " + line + ": " + e.getMessage(), e);
        }
    }

    /** The text of a share column: {@code all}, {@code first-half}, {@code second-half}. */
    static String share(TrainShare share) {
        return name(share);
    }

    private LabelBudget budget() {
        int amount = integer("budget");
        if (amount < 0) {
            throw wrong("budget", "a budget of at least 0");
        }
        String kind = text("budget_kind");
        return Arrays.stream(LabelBudget.Kind.values()).filter(k -> k.key().equals(kind)).findFirst()
                .map(k -> new LabelBudget(k, amount))
                .orElseThrow(() -> wrong("budget_kind", "one of " + Arrays.stream(LabelBudget.Kind.values())
                        .map(LabelBudget.Kind::key).collect(Collectors.joining(", "))));
    }

    private String text(String column) {
        return record.get(column);
    }

    private int integer(String column) {
        try {
            return Integer.parseInt(text(column));
        } catch (NumberFormatException e) {
            throw wrong(column, "an integer");
        }
    }

    private long whole(String column) {
        try {
            return Long.parseLong(text(column));
        } catch (NumberFormatException e) {
            throw wrong(column, "an integer");
        }
    }

    private double real(String column) {
        try {
            return Double.parseDouble(text(column));
        } catch (NumberFormatException e) {
            throw wrong(column, "a number (or NaN)");
        }
    }

    private boolean bool(String column) {
        String value = text(column);
        if (!value.equals("true") && !value.equals("false")) {
            throw wrong(column, "true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** An enum constant written in lower case with hyphens ({@code first-half}, {@code classification}). */
    private <E extends Enum<E>> E choice(String column, Class<E> type) {
        String value = text(column);
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(value)) {
                return constant;
            }
        }
        throw wrong(column, "one of " + Arrays.stream(type.getEnumConstants()).map(ResultFields::name)
                .collect(Collectors.joining(", ")));
    }

    private static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private TransferLabException wrong(String column, String expected) {
        return new TransferLabException(file + ": line " + line + ", column '" + column + "': expected " + expected + ", got '"
                + text(column) + "'");
    }
}
