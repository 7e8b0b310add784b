package org.transferlab.experiments.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.Cell;
import org.transferlab.experiments.run.Grid;
import org.transferlab.experiments.run.ResultsCsv;
import org.transferlab.experiments.run.RunDirectory;

/**
 * Assembles a run directory's committed cells into {@code results.csv} (in grid order) and
 * {@code report.md}, both written atomically. The run, report and merge commands all end here, so a
 * report always reflects exactly the cells on disk.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The finished cells' rows, in grid order. */
    public static List<Map<String, String>> rows(ExperimentConfig config, RunDirectory run) {
        Set<String> finished = run.finished();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Cell cell : Grid.expand(config)) {
            if (finished.contains(cell.id())) {
                rows.add(run.row(cell.id()));
            }
        }
        return rows;
    }

    /** Writes results.csv and report.md and returns the comparison table, for printing. */
    public static ComparisonTable write(ExperimentConfig config, RunDirectory run, String command, String metric) {
        List<Map<String, String>> rows = rows(config, run);
        StringWriter csv = new StringWriter();
        try {
            ResultsCsv.write(rows, csv);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        run.write("results.csv", csv.toString());
        java.util.Set<String> references = references(config);
        List<Map<String, String>> scored = rows.stream().filter(ReportWriter::scored)
                .filter(r -> !references.contains(r.get("strategy"))).toList();
        ComparisonTable table = ComparisonTable.of(scored, metric, ComparisonRules.of(config));
        String figures = scored.isEmpty() ? "" : Plots.write(run.path(), table, metric);
        run.write("report.md", RunReport.markdown(config, rows, Grid.expand(config).size(), command,
                Provenance.read(run.path()), figures, run.path(), failures(config, run), table));
        return table;
    }

    /** Failed cells of this grid that have not succeeded since. */
    private static Map<String, String> failures(ExperimentConfig config, RunDirectory run) {
        java.util.Set<String> grid = Grid.expand(config).stream().map(Cell::id).collect(java.util.stream.Collectors.toSet());
        Map<String, String> failures = new java.util.TreeMap<>(run.failures());
        failures.keySet().retainAll(grid);
        failures.keySet().removeAll(run.finished());
        return failures;
    }

    /** The strategies that see every target label (the oracle): reported apart, never compared. */
    static java.util.Set<String> references(ExperimentConfig config) {
        return config.strategies().stream().filter(s -> s.strategy().usesAllTargetLabels())
                .map(org.transferlab.experiments.config.StrategyEntry::name).collect(java.util.stream.Collectors.toSet());
    }

    /** A cell with metrics: its strategy applied (rows from before the status column count as applied). */
    static boolean scored(Map<String, String> row) {
        return "ok".equals(row.getOrDefault("status", "ok"));
    }
}
