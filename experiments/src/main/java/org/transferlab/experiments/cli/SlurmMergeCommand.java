package org.transferlab.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * The merge job of a submission: merges whatever the array's tasks finished into the study's run
 * directory, whether or not every task succeeded, and prints the status.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges the finished cells of a submitted study's tasks into its run directory (the merge job runs this).",
            "Exit code 0 when every cell is done, 3 when some are not."})
final class SlurmMergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "the study's run directory, as given to 'slurm submit --out'")
    private Path directory;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SlurmArray array = SlurmArray.existing(directory);
        RunDirectory study = RunDirectory.existing(array.directory());
        Grid grid = Grid.expand(new ConfigLoader(Plugins.discover()).load(array.config()));
        List<RunDirectory> shards = new ArrayList<>();
        for (int task = 0; task < array.tasks(); task++) {
            if (Files.isRegularFile(array.shard(task).resolve(RunDirectory.CONFIG))) {
                shards.add(RunDirectory.existing(array.shard(task)));
            }
        }
        ShardMerge.checkSameStudy(shards, study.configDigest(), study.path());
        try (RunDirectory merged = RunDirectory.open(array.directory(), Files.readString(study.config()), study.configDigest(), false)) {
            ShardMerge.Outcome outcome = ShardMerge.into(merged, grid, shards, "./transferlab slurm merge " + directory);
            spec.commandLine().getOut().printf("merged %d task directories into %s: %d new cells%n", shards.size(), merged.path(),
                    outcome.adopted());
            List<TaskProgress> tasks = TaskProgress.of(grid.cells(), array, merged.finished());
            spec.commandLine().getOut().print(ProgressTable.render(array, tasks, outcome.present()));
            return outcome.complete() ? 0 : TransferLabCommand.SOME_CELLS_FAILED;
        }
    }
}
