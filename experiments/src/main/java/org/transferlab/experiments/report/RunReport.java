package org.transferlab.experiments.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.config.StrategyEntry;
import org.transferlab.experiments.config.StudySettings;
import org.transferlab.experiments.run.StoredResult;

/** Writes {@code report.md}: what was run, on what, what it cost, and the comparison table. */
public final class RunReport {
    private RunReport() {
    }

    /**
     * @param rows       the finished cells' rows, in grid order
     * @param gridCells  how many cells the grid has, to say plainly when some are missing
     * @param command    the command that made the run, as typed
     * @param provenance the run's provenance rows (scope, key, value)
     * @param figures    Markdown that shows the run's plots
     * @param runDirectory where the cells' learning curves are
     * @param failures   cells of the grid that failed, by id, with their first error line
     * @param primary    the comparison table of the scored rows on the task's primary metric, as the figures drew it
     */
    public static String markdown(ExperimentConfig config, List<StoredResult> rows, int gridCells, String command,
                                  List<Provenance.Entry> provenance, String figures, java.nio.file.Path runDirectory,
                                  Map<String, String> failures, ComparisonTable primary) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(config.settings().name()).append("\n\n");
        if (!config.settings().description().isBlank()) {
            out.append(config.settings().description().strip()).append("\n\n");
        }
        List<StoredResult> scored = ReportWriter.compared(config, rows);
        List<StoredResult> upper = ReportWriter.referenced(config, rows);
        long trained = rows.stream().filter(StoredResult::sourceTrained).count();
        long used = rows.stream().filter(StoredResult::hasSourceAccuracy).count();
        double seconds = rows.stream().mapToDouble(r -> r.timings().total()).sum();
        out.append("- command: `").append(command).append("`\n")
                .append("- config: `config.yaml` (SHA-256 of its resolved form ").append(config.digest(), 0, 12).append(")\n")
                .append(String.format(Locale.ROOT, "- cells: %d of %d (%d pairs × %d strategies × %d budgets × %d seeds), base seed %d%n",
                        rows.size(), gridCells, config.studiedPairs(), config.strategies().size(),
                        config.budgets().budgets().size(), config.settings().seeds(), config.settings().seed()))
                .append(String.format(Locale.ROOT, "- source models: %d trained, %d reuses%n", trained, used - trained))
                .append(modelFiles(config))
                .append(String.format(Locale.ROOT, "- compute time of the cells: %.1f s (source training, fitting, evaluation)%n", seconds));
        if (rows.size() < gridCells) {
            out.append("\n**Incomplete: ").append(gridCells - rows.size())
                    .append(" cells have not finished; re-run the same command to finish them, or merge the other shards.**\n");
        }
        TaskMetrics metrics = TaskMetrics.of(config.task());
        String metric = metrics.primary();
        ComparisonRules rules = primary.rules();
        if (!scored.isEmpty()) {
            out.append("\n## Summary\n\nMean test ").append(metric).append(" over seeds; in brackets the paired difference from ")
                    .append("the strategy's no-transfer baseline, with the verdict where it is significant. ")
                    .append(primary.decisionRule()).append(" Baselines, intervals and every p-value are in the next section.\n\n")
                    .append(SummaryTable.markdown(primary));
        }
        out.append("\n## Test ").append(metric).append(" against the no-transfer baseline\n\n")
                .append("Mean and standard deviation over seeds, with a 95% Student-t interval. Δ is the paired difference from ")
                .append("the strategy's no-transfer baseline on the same target data and seeds: `target-only`, or the same model ")
                .append("trained from scratch where the strategy's family has one (named in the strategy column as \"vs …\"; a ")
                .append("variant `STRATEGY@L` is compared with `target-only@L` when the study has one). A strategy that read no ")
                .append("target label is marked so. Δ is tested with a paired t-test, Wilcoxon's signed-rank test and a sign-flip ")
                .append("permutation test; \"p (Holm)\" is the ").append(config.settings().verdictTest().name().toLowerCase(Locale.ROOT))
                .append(" test's p-value (`verdict-test`) corrected over its family (`holm-family`), and it alone decides the verdict. ")
                .append(metrics.direction(metric) < 0 ? "Lower " + metric + " is better, so a gain from transfer is a negative Δ. " : "")
                .append("A strategy significantly worse than its baseline is flagged as negative transfer. ")
                .append(overfitting(config)).append("\n\n")
                .append(primary.markdown());
        List<String> others = metrics.columns().stream().filter(c -> !c.equals(metric)).toList();
        if (!scored.isEmpty() && !others.isEmpty()) {
            out.append("\n### The other metrics\n\n");
            for (String other : others) {
                out.append("#### ").append(other).append(metrics.direction(other) < 0 ? " (lower is better)" : "")
                        .append("\n\n").append(ComparisonTable.of(scored, other, rules).markdown());
            }
        }
        out.append(SeveralSourcesTable.markdown(config, scored, metric, metrics.direction(metric)));
        out.append(ForecastTable.markdown(ForecastTable.read(runDirectory), scored, metric, metrics.direction(metric),
                rules.baselines()));
        out.append(SelectionTable.markdown(rows, SelectionTable.read(runDirectory), metric, metrics.direction(metric)));
        if (!upper.isEmpty()) {
            out.append("\n## Upper reference\n\nTrained on every label of the target's train partition, not the cell's ")
                    .append("budget: how much room the budget leaves. Not a competitor, so not compared.\n\n")
                    .append(ComparisonTable.of(upper, metric, rules).markdown());
        }
        List<Provenance.Entry> missing = provenance.stream()
                .filter(r -> r.key().startsWith("rows-dropped") || r.key().equals("rows-imputed")
                        || r.key().equals("cells-imputed-by-column") || r.key().equals("imputed-train-values"))
                .filter(RunReport::counted).toList();
        if (!missing.isEmpty()) {
            out.append("\n## Missing values\n\nRows of the data files that missing values affected, as the domains' `missing` ")
                    .append("setting handled them (imputed values come from the train partition only: a numeric column's mean, ")
                    .append("a categorical column's most frequent category):\n\n");
            missing.forEach(r -> out.append(provenanceLine(r)));
        }
        List<Provenance.Entry> unseen = provenance.stream()
                .filter(r -> r.key().equals("test-cells-unseen-category")).filter(RunReport::counted).toList();
        if (!unseen.isEmpty()) {
            out.append("\n## Unseen categories\n\nTest cells of a categorical feature whose category no train row of the ")
                    .append("file has; they are encoded as all zeros:\n\n");
            unseen.forEach(r -> out.append(provenanceLine(r)));
        }
        if (!failures.isEmpty()) {
            out.append("\n## Failed cells\n\nThese cells threw; their errors and stack traces are in `cells/ID.failed.txt`. ")
                    .append("Re-running the same command retries them.\n\n");
            failures.forEach((id, message) -> out.append("- `").append(id).append("` ").append(message).append("\n"));
        }
        List<StoredResult> notApplicable = rows.stream().filter(r -> !r.ok()).toList();
        if (!notApplicable.isEmpty()) {
            out.append("\n## Not applicable\n\n");
            notApplicable.stream().map(r -> "- `" + r.strategy() + "` on " + r.source() + " → " + r.target()
                    + ": " + r.status().replaceFirst("^not applicable: ", "") + "\n").distinct().forEach(out::append);
        }
        if (!figures.isEmpty()) {
            out.append("\n## Figures\n\n").append(figures)
                    .append("\nEach figure is also in `plots/` as SVG; every cell's loss curves are in `curves/ID.png`.\n");
        }
        out.append("\n## Cost\n\n")
                .append("Does transfer save training? Mean over seeds; the source model's training is shared out over the ")
                .append("cells that used it. Timings depend on the machine and on parallel workers; epochs do not.\n\n")
                .append(CostTable.markdown(scored, runDirectory.resolve("curves"), config.task(), rules.baselines()));
        out.append("\n## Strategy parameters\n\n");
        for (StrategyEntry strategy : config.strategies()) {
            out.append("- `").append(strategy.name()).append("`: ");
            if (strategy.candidates().size() == 1) {
                out.append(strategy.candidates().get(0)).append("\n");
                continue;
            }
            out.append(strategy.candidates().size()).append(" candidates searched in every cell, the one with the best ")
                    .append("validation score on the label budget kept (its time is counted in `fit_s`). Chosen:\n");
            Map<String, Long> chosen = rows.stream().filter(r -> strategy.name().equals(r.strategy()))
                    .collect(java.util.stream.Collectors.groupingBy(StoredResult::strategyParameters,
                            java.util.LinkedHashMap::new, java.util.stream.Collectors.counting()));
            for (Record candidate : strategy.candidates()) {
                out.append("  - ").append(candidate).append(": ").append(chosen.getOrDefault(candidate.toString(), 0L))
                        .append(" cells\n");
            }
        }
        if (!provenance.isEmpty()) {
            out.append("\n## Provenance\n\n| scope | key | value |\n|---|---|---|\n");
            for (Provenance.Entry row : provenance) {
                out.append("| ").append(row.scope()).append(" | ").append(row.key()).append(" | ")
                        .append(row.value().replace("|", "\\|")).append(" |\n");
            }
        }
        out.append("\nPer-cell results, seeds and timings are in `results.csv`; learning curves in `curves/`.\n");
        return out.toString();
    }

    /** What the overfitting columns mean for the study's task. */
    private static String overfitting(ExperimentConfig config) {
        StudySettings s = config.settings();
        String judged = " A seed is judged only when the model was trained in epochs and its validation split has at least "
                + s.overfitMinValidation() + " examples (`overfit-min-validation`); otherwise the columns say n/a.";
        return switch (config.task()) {
            case CLUSTERING -> "Clusterings are fitted without labels, so there is no validation score and no overfitting check.";
            case REGRESSION -> "\"val/train RMSE\" is the validation RMSE over the training RMSE at the kept epoch; a seed counts "
                    + "as overfit above " + s.overfitRatio() + " (`overfit-ratio`)." + judged;
            case CLASSIFICATION -> "The train−val gap is training minus validation accuracy at the kept epoch; a seed counts as "
                    + "overfit above " + s.overfitGap() + " (`overfit-gap`)." + judged;
        };
    }

    /** Whether a provenance count says something happened: not 0, and not "none". */
    private static boolean counted(Provenance.Entry row) {
        return !"0".equals(row.value()) && !"none".equals(row.value());
    }

    private static String provenanceLine(Provenance.Entry row) {
        return "- " + row.scope().replaceFirst("^domain ", "") + ": " + row.key().replace('-', ' ') + " " + row.value() + "\n";
    }

    /** One line naming the pretrained model files a study's pairs start from, with their SHA-256; empty without any. */
    private static String modelFiles(ExperimentConfig config) {
        if (config.models().isEmpty()) {
            return "";
        }
        return "- source models read from files (no source test set, so no source accuracy): " + config.models().values().stream()
                .map(m -> "`" + m.name() + "` (" + m.file() + ", SHA-256 " + m.model().sha256().substring(0, 12) + ", cut at layer "
                        + m.model().cutAt() + ")").collect(java.util.stream.Collectors.joining(", ")) + "\n";
    }
}
