package org.transferlab.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.run.Grid;
import org.transferlab.experiments.run.RunDirectory;
import org.transferlab.experiments.slurm.ProgressTable;
import org.transferlab.experiments.slurm.SlurmArray;
import org.transferlab.experiments.slurm.TaskProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** How many cells of a Slurm submission are done, failed and missing, per task, from the run directories. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Says how many cells of a submitted study are done, failed and missing, per array task.",
            "Exit code 0 when every cell is done, 3 when some are not."})
final class SlurmStatusCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "the study's run directory, as given to 'slurm submit --out'")
    private Path directory;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SlurmArray array = SlurmArray.existing(directory);
        RunDirectory merged = RunDirectory.existing(array.directory());
        Grid grid = Grid.expand(new ConfigLoader(Plugins.discover()).load(array.config()));
        int mergedCells = merged.finished().size();
        List<TaskProgress> tasks = TaskProgress.of(grid.cells(), array, merged.finished());
        spec.commandLine().getOut().print(ProgressTable.render(array, tasks, mergedCells));
        return tasks.stream().allMatch(TaskProgress::complete) ? 0 : TransferLabCommand.SOME_CELLS_FAILED;
    }
}
