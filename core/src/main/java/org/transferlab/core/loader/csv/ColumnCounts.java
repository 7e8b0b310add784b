package org.transferlab.core.loader.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A count per column, in the order the columns are given, written for the provenance as
 * {@code column=count,column=count} with the columns whose count is zero left out, or {@code none}.
 */
final class ColumnCounts {
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** Counts for {@code columns}, written in that order. */
    ColumnCounts(List<String> columns) {
        columns.forEach(c -> counts.put(c, 0));
    }

    void add(String column) {
        counts.merge(column, 1, Integer::sum);
    }

    int get(String column) {
        return counts.getOrDefault(column, 0);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        counts.forEach((column, count) -> {
            if (count > 0) {
                parts.add(column + "=" + count);
            }
        });
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    /** {@code labels} as a JSON-style list of quoted strings, so that a label holding a comma reads unambiguously. */
    static String quoted(List<String> labels) {
        List<String> parts = new ArrayList<>();
        for (String label : labels) {
            parts.add("\"" + label.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
