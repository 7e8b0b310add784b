package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        Set<String> strategies = new LinkedHashSet<>();
        Map<String, Map<String, ComparisonTable.Line>> rows = new LinkedHashMap<>();
        for (ComparisonTable.Line line : table.lines()) {
            strategies.add(line.strategy());
            rows.computeIfAbsent(line.pair() + "\u0000" + line.budget(), k -> new LinkedHashMap<>()).put(line.strategy(), line);
        }
        List<String> columns = new ArrayList<>(strategies);
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
