package org.transferlab.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.report.LatexTables;
import org.transferlab.experiments.report.LongResults;
import org.transferlab.experiments.report.ReportFormat;
import org.transferlab.experiments.report.ReportWriter;
import org.transferlab.experiments.run.AtomicFiles;
import org.transferlab.experiments.run.Grid;
import org.transferlab.experiments.run.ResultsCsv;
import org.transferlab.experiments.run.RunDirectory;
import org.transferlab.experiments.run.StoredResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Rebuilds results.csv and report.md from a run directory's committed cells, or writes its comparison tables as
 * LaTeX or in long form. The LaTeX and long forms also read a copy of a run's results without its cells (a
 * folder with {@code config.yaml} and {@code results.csv}, as under {@code results/studies}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuilds results.csv and report.md of a run directory from its committed cells;",
            "--format latex writes its comparison tables to report.tex, --format csv-long to results-long.csv."})
final class ReportCommand implements Callable<Integer> {
    private static final String RESULTS = "results.csv";

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory (or, for latex and csv-long, a copy of "
            + "a run's config.yaml and results.csv)")
    private Path runDirectory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown (report.md, results.csv and plots/; the default), latex (report.tex: booktabs tables) "
                    + "or csv-long (results-long.csv: one row per pair, budget, strategy and metric)")
    private String format;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportFormat chosen = ReportFormat.parse(format);
        PrintWriter out = spec.commandLine().getOut();
        String command = "./transferlab report " + runDirectory + (chosen == ReportFormat.MARKDOWN ? "" : " --format " + chosen.key());
        Path directory = runDirectory.toAbsolutePath().normalize();
        boolean copy = !RunDirectory.holdsRun(directory) && Files.isRegularFile(directory.resolve(RESULTS))
                && Files.isRegularFile(directory.resolve(RunDirectory.CONFIG));
        if (copy) {
            if (chosen == ReportFormat.MARKDOWN) {
                throw new TransferLabException(directory + ": holds " + RESULTS + " and " + RunDirectory.CONFIG + " but no committed "
                        + "cells (it is a copy of a run's results), so report.md cannot be rebuilt from it; --format latex or "
                        + "--format csv-long read its " + RESULTS);
            }
            ExperimentConfig config = RunConfig.loadCopy(directory);
            String text = render(chosen, config, ResultsCsv.read(directory.resolve(RESULTS)), command);
            try {
                AtomicFiles.write(directory.resolve(chosen.file()), text);
            } catch (IOException e) {
                throw new TransferLabException(directory.resolve(chosen.file()) + ": cannot write (" + e + ")", e);
            }
        } else {
            RunDirectory run = RunDirectory.existing(directory);
            Grid grid = Grid.expand(RunConfig.load(run));
            if (chosen == ReportFormat.MARKDOWN) {
                out.println(ReportWriter.write(grid, run, command, TaskMetrics.of(grid.config().task()).primary()).markdown());
            } else {
                run.write(chosen.file(), render(chosen, grid.config(), ReportWriter.rows(grid, run), command));
            }
        }
        out.println((chosen == ReportFormat.CSV_LONG ? "results: " : "report: ") + directory.resolve(chosen.file()));
        return 0;
    }

    private static String render(ReportFormat format, ExperimentConfig config, List<StoredResult> rows, String command) {
        return switch (format) {
            case MARKDOWN -> throw new IllegalStateException("report.md is written by ReportWriter");
            case LATEX -> LatexTables.of(config, rows, command);
            case CSV_LONG -> LongResults.csv(config, rows);
        };
    }
}
