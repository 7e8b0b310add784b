package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison table at a glance: one row per pair and budget, one column per strategy, each cell the
 * mean over seeds and, for a compared strategy, its difference from its baseline, with the verdict when it
 * is significant ("better" or "worse"). It carries nothing the full table does not, so a README can quote
 * its rows and a test can check every quoted number against the committed report.
 */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static String markdown(ComparisonTable table) {
        Map<String, Map<String, ComparisonTable.Line>> rows = new LinkedHashMap<>();
        for (ComparisonTable.Line line : table.lines()) {
            rows.computeIfAbsent(line.pair() + "\u0000" + line.budgetLabel(), k -> new LinkedHashMap<>()).put(line.strategy(), line);
        }
        List<String> columns = columns(rows.values());
        StringBuilder out = new StringBuilder("| pair | budget | ").append(String.join(" | ", columns)).append(" |\n|---|---|")
                .append("---:|".repeat(columns.size())).append("\n");
        rows.forEach((key, byStrategy) -> {
            out.append("| ").append(key.replace("\u0000", " | "));
            for (String strategy : columns) {
                out.append(" | ").append(cell(byStrategy.get(strategy)));
            }
            out.append(" |\n");
        });
        return out.toString();
    }

    /**
     * Every strategy once, in the order the rows list them: each row holds its strategies in config order
     * but may lack some (not applicable at that budget), so a strategy first seen in a later row goes right
     * after the one it follows there, not to the end.
     */
    private static List<String> columns(java.util.Collection<Map<String, ComparisonTable.Line>> rows) {
        List<String> columns = new ArrayList<>();
        for (Map<String, ComparisonTable.Line> row : rows) {
            int previous = -1;
            for (String strategy : row.keySet()) {
                int at = columns.indexOf(strategy);
                if (at < 0) {
                    at = previous + 1;
                    columns.add(at, strategy);
                }
                previous = at;
            }
        }
        return columns;
    }

    private static String cell(ComparisonTable.Line line) {
        if (line == null) {
            return "—";
        }
        String mean = String.format(Locale.ROOT, "%.4f", line.value().mean());
        if (line.delta() == null) {
            return mean;
        }
        String verdict = line.negativeTransfer() ? ", worse" : line.positiveTransfer() ? ", better" : "";
        return mean + String.format(Locale.ROOT, " (%+.4f%s)", line.delta().mean(), verdict);
    }
}
