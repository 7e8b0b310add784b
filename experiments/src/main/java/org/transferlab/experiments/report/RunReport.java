package org.transferlab.experiments.report;

import java.util.Locale;
import java.util.Map;
import org.transferlab.core.metrics.ClassificationMetrics;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.StudyRunner;

/** Writes {@code report.md}: what was run, on what, how long it took, and the comparison table. */
public final class RunReport {
    private RunReport() {
    }

    /**
     * @param command the command line that made the run, as the user typed it
     * @param seconds the wall time of the whole run
     */
    public static String markdown(ExperimentConfig config, StudyRunner.Outcome outcome, String command, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(config.settings().name()).append("\n\n");
        if (!config.settings().description().isBlank()) {
            out.append(config.settings().description().strip()).append("\n\n");
        }
        out.append("- command: `").append(command).append("`\n")
                .append("- config: `").append(config.file()).append("` (copied as `config.yaml`)\n")
                .append(String.format(Locale.ROOT, "- cells: %d (%d pairs × %d strategies × %d budgets × %d seeds), base seed %d%n",
                        outcome.rows().size(), config.pairs().size(), config.strategies().size(),
                        config.budgets().budgets().size(), config.settings().seeds(), config.settings().seed()))
                .append(String.format(Locale.ROOT, "- source models: %d trained, %d reuses%n",
                        outcome.sourceModelsTrained(), outcome.sourceModelsReused()))
                .append(String.format(Locale.ROOT, "- wall time: %.1f s on %d cores, Java %s%n",
                        seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")))
                .append("\n## Test accuracy against the no-transfer baseline\n\n")
                .append("Mean over seeds with a 95% Student-t interval. Δ is the paired difference from `target-only` ")
                .append("on the same target labels and seeds; \"helps\" and \"hurts\" mean its interval excludes zero.\n\n")
                .append(ComparisonTable.of(outcome.rows(), ClassificationMetrics.ACCURACY).markdown())
                .append("\n## Data\n\n");
        for (Map.Entry<String, Map<String, String>> domain : outcome.domainProvenance().entrySet()) {
            out.append("- `").append(domain.getKey()).append("`: ");
            out.append(String.join("; ", domain.getValue().entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).toList()));
            out.append("\n");
        }
        out.append("\nPer-cell results, seeds and timings are in `results.csv`; learning curves in `curves/`.\n");
        return out.toString();
    }
}
