package org.transferlab.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.report.ReportWriter;
import org.transferlab.experiments.run.Grid;
import org.transferlab.experiments.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Rebuilds results.csv and report.md from a run directory's committed cells. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuilds results.csv and report.md of a run directory from its committed cells.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory")
    private Path runDirectory;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunDirectory run = RunDirectory.existing(runDirectory);
        ExperimentConfig config = RunConfig.load(run);
        String command = "./transferlab report " + runDirectory;
        spec.commandLine().getOut().println(ReportWriter.write(Grid.expand(config), run, command,
                TaskMetrics.of(config.task()).primary()).markdown());
        spec.commandLine().getOut().println("report: " + run.path().resolve("report.md"));
        return 0;
    }
}
