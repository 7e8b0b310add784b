package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.StoredResult;

/**
 * The comparison tables as LaTeX, for a paper: one booktabs {@code table} per metric and pair, as the Markdown
 * report has them. Each line gives the mean over seeds ± the half-width of its 95% interval, the paired difference
 * from the strategy's no-transfer baseline ± its half-width, the verdict test's Holm-corrected p-value and the
 * verdict in the Markdown report's words; the best mean of each budget is bold (every mean that prints the same as
 * the best), in the metric's own direction. What decides the verdicts (the test and the family Holm's correction
 * spans) is a footnote under each table. The text is a fragment for a paper to input, needing only the booktabs
 * package; the upper reference (the oracle) is not in it (it is in {@code report.md}).
 */
public final class LatexTables {
    private LatexTables() {
    }

    /** Every comparison table of the study's results: the primary metric first, then the task's others. */
    public static String of(ExperimentConfig config, List<StoredResult> rows, String command) {
        List<StoredResult> compared = ReportWriter.compared(config, rows);
        ComparisonRules rules = ComparisonRules.of(config);
        TaskMetrics metrics = TaskMetrics.of(config.task());
        List<String> order = new ArrayList<>();
        order.add(metrics.primary());
        metrics.columns().stream().filter(c -> !c.equals(metrics.primary())).forEach(order::add);
        StringBuilder out = new StringBuilder("% ").append(escapeComment(config.settings().name()))
                .append(": the comparison tables of ").append(rows.size()).append(" cells, written by `")
                .append(escapeComment(command)).append("`.\n% Needs \\usepackage{booktabs}.\n");
        if (compared.isEmpty()) {
            return out.append("% No cell has metrics yet, so there is no table.\n").toString();
        }
        for (String metric : order) {
            ComparisonTable table = ComparisonTable.of(compared, metric, rules);
            table(out, config.settings().name(), table);
        }
        return out.toString();
    }

    private static void table(StringBuilder out, String study, ComparisonTable table) {
        Map<String, List<ComparisonTable.Line>> byPair = new LinkedHashMap<>();
        table.lines().forEach(line -> byPair.computeIfAbsent(line.pair(), k -> new ArrayList<>()).add(line));
        String metric = table.metric();
        int direction = TaskMetrics.withColumn(metric).direction(metric);
        String footnote = table.lines().stream().anyMatch(l -> l.comparison() != null) ? table.decisionRule() : "";
        byPair.forEach((pair, lines) -> {
            out.append("\n\\begin{table}[htbp]\n\\centering\n")
                    .append("\\caption{").append(escape(study)).append(": test ").append(escape(metric))
                    .append(direction < 0 ? " (lower is better)" : "").append(", ").append(escape(pair)).append(". Mean over ")
                    .append(seeds(lines)).append(" $\\pm$ the half-width of its 95\\% confidence interval; $\\Delta$, the paired ")
                    .append("difference from the strategy's no-transfer baseline on the same labels and seeds, likewise. The best ")
                    .append("mean of each budget is in bold.}\n")
                    .append("\\label{tab:").append(label(study + "-" + metric + "-" + Plots.slug(pair))).append("}\n")
                    .append("\\begin{tabular}{llrrrl}\n\\toprule\n")
                    .append("budget & strategy & ").append(escape(metric)).append(" & $\\Delta$ vs baseline & $p$ (Holm)")
                    .append(footnote.isEmpty() ? "" : "$^{\\dagger}$").append(" & verdict \\\\\n");
            Map<LabelBudget, List<ComparisonTable.Line>> byBudget = new LinkedHashMap<>();
            lines.forEach(line -> byBudget.computeIfAbsent(line.budget(), k -> new ArrayList<>()).add(line));
            byBudget.forEach((budget, group) -> {
                out.append("\\midrule\n");
                String best = best(group, direction);
                boolean first = true;
                for (ComparisonTable.Line line : group) {
                    String mean = mean(line.value());
                    out.append(first ? escape(budget.label()) : "").append(" & ")
                            .append(escape(ComparisonTable.strategyLabel(line))).append(" & ")
                            .append(fixed(line.value().mean()).equals(best) ? "\\textbf{" + mean + "}" : mean).append(" & ");
                    ComparisonTable.Comparison c = line.comparison();
                    out.append(c == null ? "---" : difference(c.delta())).append(" & ")
                            .append(c == null ? "" : pValue(c.pValueHolm())).append(" & ")
                            .append(verdict(line)).append(" \\\\\n");
                    first = false;
                }
            });
            out.append("\\bottomrule\n\\end{tabular}\n");
            if (!footnote.isEmpty()) {
                out.append("\n\\smallskip\n{\\footnotesize $^{\\dagger}$ ").append(escape(footnote)).append("\\par}\n");
            }
            out.append("\\end{table}\n");
        });
    }

    /** The best mean of a budget as printed, in the metric's direction; empty when no mean is defined. */
    private static String best(List<ComparisonTable.Line> group, int direction) {
        return group.stream().map(l -> l.value().mean()).filter(m -> !Double.isNaN(m))
                .max((a, b) -> Double.compare(a * direction, b * direction)).map(LatexTables::fixed).orElse("");
    }

    /** "3 seeds", or "2--3 seeds" when some lines have fewer (failed cells). */
    private static String seeds(List<ComparisonTable.Line> lines) {
        int fewest = lines.stream().mapToInt(l -> l.value().n()).min().orElse(0);
        int most = lines.stream().mapToInt(l -> l.value().n()).max().orElse(0);
        return (fewest == most ? String.valueOf(most) : fewest + "--" + most) + (most == 1 ? " seed" : " seeds");
    }

    /** The verdict in the Markdown report's words, its negative transfer in bold as there. */
    private static String verdict(ComparisonTable.Line line) {
        if (line.comparison() == null) {
            return "";
        }
        return line.negativeTransfer() ? "\\textbf{worse: negative transfer}" : line.positiveTransfer() ? "better"
                : "no significant difference";
    }

    private static String mean(Interval value) {
        return fixed(value.mean()) + (value.defined() ? " $\\pm$ " + fixed(value.halfWidth()) : "");
    }

    private static String difference(Interval delta) {
        String signed = String.format(Locale.ROOT, "%+.4f", delta.mean()).replace("-", "$-$");
        return signed + (delta.defined() ? " $\\pm$ " + fixed(delta.halfWidth()) : "");
    }

    /** A p-value as the Markdown report prints it, with {@code 1.2e-05} as {@code $1.2 \times 10^{-5}$}. */
    private static String pValue(double value) {
        String text = ComparisonTable.p(value);
        int e = text.indexOf('e');
        if (e < 0) {
            return text;
        }
        return "$" + text.substring(0, e) + " \\times 10^{" + Integer.parseInt(text.substring(e + 1)) + "}$";
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** A label of letters, digits and hyphens. */
    private static String label(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** A comment stays on its line. */
    private static String escapeComment(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    /**
     * Text as LaTeX typesets it literally: its ten special characters escaped, and the few non-ASCII symbols the
     * reports use ({@code →}, {@code −}, {@code ±}, {@code Δ}, {@code ≥}, {@code ≤}, {@code ²}) in math mode; other
     * characters are kept as they are (UTF-8, LaTeX's default input encoding).
     */
    static String escape(String text) {
        return text.codePoints().mapToObj(c -> switch (c) {
            case '\\' -> "\\textbackslash{}";
            case '{' -> "\\{";
            case '}' -> "\\}";
            case '$' -> "\\$";
            case '&' -> "\\&";
            case '#' -> "\\#";
            case '%' -> "\\%";
            case '_' -> "\\_";
            case '^' -> "\\textasciicircum{}";
            case '~' -> "\\textasciitilde{}";
            case '→' -> "$\\rightarrow$";
            case '−' -> "$-$";
            case '±' -> "$\\pm$";
            case 'Δ' -> "$\\Delta$";
            case '≥' -> "$\\geq$";
            case '≤' -> "$\\leq$";
            case '²' -> "$^2$";
            default -> new String(Character.toChars(c));
        }).collect(Collectors.joining());
    }
}
