package org.transferlab.experiments.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.ForecastRunner;
import org.transferlab.experiments.run.SourceModelStore;
import org.transferlab.experiments.run.StudyRunner;
import org.transferlab.transfer.forecast.ScoreBindings;
import org.transferlab.transfer.forecast.TransferabilityScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints every transferability score of a study's pairs and budgets, and what each forecasts, training no target model. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecasts, per pair and budget, whether transfer will help: every registered transferability score "
            + "(./transferlab list) on the source model and the label budget each seed's cells would get, before any target "
            + "model is trained.",
            "Source models are trained as 'run' trains them and kept in the cache for it; the target's test partition is sealed."})
final class ForecastCommand implements Callable<Integer> {
    @Mixin
    private StudyOptions options = new StudyOptions();

    @Mixin
    private CacheOptions cache = new CacheOptions();

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig config = options.load();
        if (config.task() != TaskType.CLASSIFICATION) {
            throw new TransferLabException(options.config + ": forecast scores classification studies; this one's task is "
                    + config.task().name().toLowerCase(Locale.ROOT));
        }
        long start = System.nanoTime();
        java.util.function.Consumer<String> progress = message -> {
            err.println(message);
            err.flush();
        };
        StudyRunner.Prepared study = new StudyRunner(options.dataDirectory(config), progress).prepare(config);
        SourceModelStore store = cache.store(progress);
        Map<String, TransferabilityScore> scores = scores();
        List<ForecastRunner.Row> rows = new ForecastRunner(store, progress).forecast(study, scores);
        out.println(markdown(rows));
        out.printf(Locale.ROOT, "%d forecasts of %d scores over %d seeds in %.1f s, no target model trained%n", rows.size(),
                scores.size(), config.settings().seeds(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Every transferability score on the class path, by name. */
    static Map<String, TransferabilityScore> scores() {
        PluginRegistry<TransferabilityScore> registry = ScoreBindings.registry(Plugins.discover());
        Map<String, TransferabilityScore> scores = new LinkedHashMap<>();
        registry.names().forEach(name -> scores.put(name, registry.get(name)));
        return scores;
    }

    static String markdown(List<ForecastRunner.Row> rows) {
        StringBuilder table = new StringBuilder("| pair | budget | score | value | compared with | forecast |\n"
                + "|---|---|---|---:|---:|---|\n");
        for (ForecastRunner.Row row : rows) {
            table.append("| ").append(row.pair()).append(" | ").append(row.budget()).append(" | ").append(row.score())
                    .append(" | ").append(number(row.value())).append(" | ").append(number(row.reference())).append(" | ")
                    .append(row.seeds() == 0 ? "n/a: " + row.note()
                            : (row.helps() ? "helps" : "does not help") + " (" + row.helping() + " of " + row.seeds()
                            + " seeds; " + row.note() + ")")
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
