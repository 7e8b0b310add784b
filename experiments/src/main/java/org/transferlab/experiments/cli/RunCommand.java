package org.transferlab.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.metrics.ClassificationMetrics;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.report.ComparisonTable;
import org.transferlab.experiments.report.RunReport;
import org.transferlab.experiments.run.ResultsCsv;
import org.transferlab.experiments.run.RunDirectory;
import org.transferlab.experiments.run.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs every cell of a study and writes results.csv, report.md and the learning curves. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs every cell of a study and writes results.csv, report.md and curves/ into the run directory.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    private StudyOptions options = new StudyOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "the run directory (default: runs/NAME-TIMESTAMP); must not hold results")
    private Path out;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ExperimentConfig config = options.load();
        Path target = out != null ? out : Path.of("runs", config.settings().name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        long start = System.nanoTime();
        try (RunDirectory run = RunDirectory.create(target)) {
            StudyRunner runner = new StudyRunner(options.dataDirectory(config), message -> {
                stderr.println(message);
                stderr.flush();
            });
            StudyRunner.Outcome outcome = runner.run(config, run);
            double seconds = (System.nanoTime() - start) / 1e9;
            run.write("config.yaml", config.text());
            try (Writer writer = run.writer("results.csv")) {
                ResultsCsv.write(outcome.rows(), writer);
            }
            String command = "./transferlab run " + options.config + (out != null ? " --out " + out : "");
            run.write("report.md", RunReport.markdown(config, outcome, command, seconds));
            run.commit();
            stdout.println();
            stdout.println(ComparisonTable.of(outcome.rows(), ClassificationMetrics.ACCURACY).markdown());
            stdout.printf("%d cells in %.1f s; source models: %d trained, %d reuses%n", outcome.rows().size(), seconds,
                    outcome.sourceModelsTrained(), outcome.sourceModelsReused());
            stdout.println("results: " + run.target().resolve("results.csv"));
            stdout.println("report:  " + run.target().resolve("report.md"));
            return 0;
        } catch (IOException e) {
            throw new TransferLabException(target + ": cannot write results (" + e + ")", e);
        }
    }
}
