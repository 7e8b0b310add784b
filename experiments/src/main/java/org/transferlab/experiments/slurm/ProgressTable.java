package org.transferlab.experiments.slurm;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The text {@code slurm status} prints: a row per task, a total, and the failed cells with their errors. */
public final class ProgressTable {
    private ProgressTable() {
    }

    public static String render(SlurmArray array, List<TaskProgress> tasks, int merged) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-6s %6s %6s %7s %8s%n", "task", "cells", "done", "failed", "missing"));
        int cells = 0;
        int done = 0;
        int failed = 0;
        int missing = 0;
        for (TaskProgress task : tasks) {
            text.append(String.format("%-6d %6d %6d %7d %8d%n", task.task(), task.cells(), task.done(), task.failed().size(),
                    task.missing()));
            cells += task.cells();
            done += task.done();
            failed += task.failed().size();
            missing += task.missing();
        }
        text.append(String.format("%-6s %6d %6d %7d %8d%n", "all", cells, done, failed, missing));
        text.append(String.format("merged into %s: %d of %d cells%n", array.directory(), merged, cells));
        for (TaskProgress task : tasks) {
            for (Map.Entry<String, String> cell : task.failed().entrySet()) {
                text.append(String.format("failed: task %d, cell %s: %s%n", task.task(), cell.getKey(), cell.getValue()));
            }
        }
        String unfinished = tasks.stream().filter(t -> t.missing() > 0).map(t -> Integer.toString(t.task()))
                .collect(Collectors.joining(", "));
        if (!unfinished.isEmpty()) {
            text.append("tasks with cells never finished (not run yet, still running, or killed: see ").append(array.logs())
                    .append("): ").append(unfinished).append(System.lineSeparator());
        }
        if (done < cells) {
            text.append("re-run the same 'slurm submit' command to submit the unfinished tasks again").append(System.lineSeparator());
        }
        return text.toString();
    }
}
