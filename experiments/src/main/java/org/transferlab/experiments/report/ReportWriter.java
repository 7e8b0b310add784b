package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.config.StrategyEntry;
import org.transferlab.experiments.run.CandidateRecord;
import org.transferlab.experiments.run.Cell;
import org.transferlab.experiments.run.Grid;
import org.transferlab.experiments.run.ResultsCsv;
import org.transferlab.experiments.run.RunDirectory;
import org.transferlab.experiments.run.StoredResult;

/**
 * Assembles a run directory's committed cells into {@code results.csv} (in grid order), {@code candidates.csv} (the
 * records of cells that had several candidates) and {@code report.md}, each written atomically. The run, report and merge commands all end here, so a
 * report always reflects exactly the cells on disk.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The finished cells' results, in grid order. */
    public static List<StoredResult> rows(Grid grid, RunDirectory run) {
        Set<String> finished = run.finished();
        List<StoredResult> rows = new ArrayList<>();
        for (Cell cell : grid.cells()) {
            if (finished.contains(cell.id())) {
                rows.add(run.row(cell.id()));
            }
        }
        return rows;
    }

    /** Writes results.csv and report.md and returns the comparison table, for printing. */
    public static ComparisonTable write(Grid grid, RunDirectory run, String command, String metric) {
        ExperimentConfig config = grid.config();
        List<StoredResult> rows = rows(grid, run);
        run.write("results.csv", ResultsCsv.csv(rows));
        List<CandidateRecord> candidates = new ArrayList<>();
        rows.forEach(r -> candidates.addAll(run.candidates(r.cellId())));
        if (!candidates.isEmpty()) {
            run.write(CandidateRecord.FILE, CandidateRecord.csv(candidates));
        }
        List<StoredResult> scored = compared(config, rows);
        ComparisonTable table = ComparisonTable.of(scored, metric, ComparisonRules.of(config));
        String figures = scored.isEmpty() ? "" : Plots.write(run.path(), table, metric);
        run.write("report.md", RunReport.markdown(config, rows, grid.size(), command,
                Provenance.read(run.path()), figures, run.path(), failures(grid, run), table));
        return table;
    }

    /** Failed cells of this grid that have not succeeded since. */
    private static Map<String, String> failures(Grid grid, RunDirectory run) {
        Map<String, String> failures = new TreeMap<>(run.failures());
        failures.keySet().retainAll(grid.ids());
        failures.keySet().removeAll(run.finished());
        return failures;
    }

    /** The strategies that see every target label (the oracle): reported apart, never compared. */
    static Set<String> references(ExperimentConfig config) {
        return config.strategies().stream().filter(s -> s.strategy().usesAllTargetLabels())
                .map(StrategyEntry::name).collect(Collectors.toSet());
    }

    /** The results the comparison tables hold: cells with metrics, of strategies that are not references. */
    static List<StoredResult> compared(ExperimentConfig config, List<StoredResult> rows) {
        Set<String> references = references(config);
        return rows.stream().filter(StoredResult::ok).filter(r -> !references.contains(r.strategy())).toList();
    }

    /** The results of the references (the oracle), for the upper-reference table. */
    static List<StoredResult> referenced(ExperimentConfig config, List<StoredResult> rows) {
        Set<String> references = references(config);
        return rows.stream().filter(StoredResult::ok).filter(r -> references.contains(r.strategy())).toList();
    }
}
