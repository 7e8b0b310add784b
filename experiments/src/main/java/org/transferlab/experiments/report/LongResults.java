package org.transferlab.experiments.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.StoredResult;

/**
 * The comparison tables in long ("tidy") form, for pandas, R or DuckDB: one row per pair, budget, strategy and
 * test metric, with the numbers at full precision. An empty field is a missing value: a baseline has no
 * difference, a strategy without its baseline at that budget has no comparison, one seed has no interval.
 *
 * <p>Columns: {@code study}, {@code source}, {@code target}, {@code budget} (the amount), {@code budget_kind}
 * ({@code per-class} or {@code total}), {@code strategy}, {@code role} ({@code baseline}, {@code compared}, or
 * {@code reference} for the oracle, which sees every label), {@code metric}, {@code higher_is_better},
 * {@code seeds}, {@code mean}, {@code sd}, {@code ci_low}, {@code ci_high} (the 95% Student-t interval),
 * {@code baseline}, {@code delta}, {@code delta_ci_low}, {@code delta_ci_high} (the paired difference from the
 * baseline and its interval), {@code p_t}, {@code p_wilcoxon}, {@code p_permutation}, {@code verdict_test},
 * {@code p_holm} (the verdict test's p, Holm-corrected), {@code holm_family} and {@code family_size} (what the
 * correction spans), and {@code verdict} ({@code better}, {@code worse}, {@code no significant difference}).
 */
public final class LongResults {
    public static final List<String> COLUMNS = List.of("study", "source", "target", "budget", "budget_kind", "strategy", "role",
            "metric", "higher_is_better", "seeds", "mean", "sd", "ci_low", "ci_high", "baseline", "delta", "delta_ci_low",
            "delta_ci_high", "p_t", "p_wilcoxon", "p_permutation", "verdict_test", "p_holm", "holm_family", "family_size",
            "verdict");

    private LongResults() {
    }

    public static String csv(ExperimentConfig config, List<StoredResult> rows) {
        ComparisonRules rules = ComparisonRules.of(config);
        List<StoredResult> compared = ReportWriter.compared(config, rows);
        List<StoredResult> references = ReportWriter.referenced(config, rows);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n').get())) {
            for (String metric : TaskMetrics.of(config.task()).columns()) {
                for (ComparisonTable.Line line : ComparisonTable.of(compared, metric, rules).lines()) {
                    printer.printRecord(record(config, rules, metric, line, rules.baselines().isBaseline(line.strategy())
                            ? "baseline" : "compared"));
                }
                for (ComparisonTable.Line line : ComparisonTable.of(references, metric, rules).lines()) {
                    printer.printRecord(record(config, rules, metric, line, "reference"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    private static List<String> record(ExperimentConfig config, ComparisonRules rules, String metric, ComparisonTable.Line line,
                                       String role) {
        ComparisonTable.Comparison c = "reference".equals(role) ? null : line.comparison();
        List<String> values = new ArrayList<>(List.of(config.settings().name(), line.source(), line.target(),
                Integer.toString(line.budget().amount()), line.budget().kind().key(), line.strategy(), role, metric,
                Boolean.toString(line.direction() > 0), Integer.toString(line.value().n()), number(line.value().mean()),
                number(line.sd()), number(line.value().low()), number(line.value().high())));
        if (c == null) {
            values.addAll(java.util.Collections.nCopies(11, ""));
        } else {
            values.addAll(List.of(c.baseline(), number(c.delta().mean()), number(c.delta().low()), number(c.delta().high()),
                    number(c.pValueT()), number(c.pValueW()), number(c.pValuePermutation()),
                    rules.verdictTest().name().toLowerCase(Locale.ROOT), number(c.pValueHolm()), family(rules),
                    Integer.toString(c.familySize())));
        }
        values.add(c == null ? "" : line.negativeTransfer() ? "worse" : line.positiveTransfer() ? "better" : "no significant difference");
        return values;
    }

    /** The {@code holm-family} setting as the config writes it. */
    private static String family(ComparisonRules rules) {
        return rules.family().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
