package org.transferlab.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.transferlab.core.TransferLabException;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.AtomicFiles;
import org.transferlab.experiments.run.Cell;
import org.transferlab.experiments.run.RunDirectory;
import org.transferlab.experiments.run.SourceModelStore;
import org.transferlab.experiments.run.StudyRunner;
import org.transferlab.experiments.slurm.JobScripts;
import org.transferlab.experiments.slurm.ProgressTable;
import org.transferlab.experiments.slurm.Resources;
import org.transferlab.experiments.slurm.Sbatch;
import org.transferlab.experiments.slurm.SlurmArray;
import org.transferlab.experiments.slurm.TaskProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Submits a study to Slurm: a job array whose task I runs shard I of N, and a merge job that starts
 * when the array has ended, however its tasks ended. Submitting the same command again submits only
 * the tasks that still have unfinished cells.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submits a study as a Slurm job array of shards and a merge job that runs after it (afterany).",
            "Re-running the same command submits only the tasks whose cells are not all done."})
final class SlurmSubmitCommand implements Callable<Integer> {
    @Mixin
    private StudyOptions options = new StudyOptions();

    @Option(names = "--tasks", paramLabel = "N", required = true, description = "array tasks, each running 1/N of the cells")
    private int tasks;

    @Option(names = "--out", paramLabel = "DIR", description = "the study's run directory (default: runs/NAME); tasks write DIR/shards/I")
    private Path out;

    @Option(names = "--partition", paramLabel = "P", defaultValue = "", description = "Slurm partition (default: the cluster's)")
    private String partition;

    @Option(names = "--time", paramLabel = "T", defaultValue = "", description = "time limit of each task, e.g. 2:00:00")
    private String time;

    @Option(names = "--mem", paramLabel = "M", defaultValue = "", description = "memory of each task, e.g. 6G (about 5 GB per process)")
    private String memory;

    @Option(names = "--cpus-per-task", paramLabel = "C", defaultValue = "1",
            description = "CPUs of each task; the task runs C workers of one ND4J thread each (default: 1)")
    private int cpusPerTask;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "a further sbatch option, e.g. --account=lab (repeatable)")
    private List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "source-model cache shared by the tasks, on a file system every node sees (default: $TRANSFERLAB_CACHE, else ~/.cache/transferlab)")
    private Path cacheDir;

    @Option(names = "--no-cache", description = "tasks neither read nor write trained source models on disk")
    private boolean noCache;

    @Option(names = "--wait", description = "return only when the merge job has ended, then print the status")
    private boolean waitForMerge;

    @Option(names = "--launcher", paramLabel = "PATH", description = "the transferlab launcher the jobs run (default: this checkout's)")
    private Path launcher;

    @Option(names = "--sbatch", paramLabel = "COMMAND", defaultValue = "sbatch", description = "the sbatch command (default: sbatch on PATH)")
    private String sbatchCommand;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Sbatch sbatch = Sbatch.find(sbatchCommand);
        Resources resources = new Resources(partition, time, memory, cpusPerTask, sbatchArgs);
        ExperimentConfig config = options.load();
        Path directory = (out != null ? out : Path.of("runs", config.settings().name())).toAbsolutePath().normalize();
        SlurmArray array = new SlurmArray(directory, tasks, options.config);
        SlurmArray.read(directory).ifPresent(earlier -> {
            if (earlier.tasks() != tasks) {
                throw new TransferLabException(directory + ": was submitted as " + earlier.tasks() + " tasks; submit again with --tasks "
                        + earlier.tasks() + " (another count would deal the cells out differently), or choose another --out");
            }
        });
        Path dataDir = options.dataDirectory(config).toAbsolutePath().normalize();
        // Every task would fail the same way on a config or data problem: find it here, once, before queueing.
        List<Cell> grid = new StudyRunner(dataDir, message -> { }, SourceModelStore.disabled()).prepare(config).grid().cells();
        List<TaskProgress> progress;
        try (RunDirectory study = RunDirectory.open(directory, config.text(), config.digest(), false)) {
            progress = TaskProgress.of(grid, array, study.finished());
            if (progress.stream().allMatch(TaskProgress::complete) && study.finished().size() == grid.size()) {
                stdout.printf("nothing to submit: all %d cells of %s are done and merged in %s%n", study.finished().size(),
                        config.settings().name(), directory);
                return 0;
            }
        }
        List<Integer> unfinished = progress.stream().filter(t -> !t.complete()).map(TaskProgress::task).toList();
        Path launcherPath = (launcher != null ? launcher : StudyOptions.home().resolve("transferlab")).toAbsolutePath().normalize();
        JobScripts scripts = new JobScripts("transferlab-" + config.settings().name(), launcherPath, Path.of("").toAbsolutePath(),
                noCache ? null : StudyOptions.cacheDirectory(cacheDir).toAbsolutePath().normalize(), dataDir);
        array.save();
        AtomicFiles.write(array.taskScript(), scripts.task(array, resources));
        AtomicFiles.write(array.mergeScript(), scripts.merge(array, resources));

        String dependency = "";
        String arrayJob = "";
        if (!unfinished.isEmpty()) {
            String list = unfinished.stream().map(String::valueOf).collect(Collectors.joining(","));
            arrayJob = sbatch.submit("task array", List.of("--array=" + list), array.taskScript()).id();
            dependency = "--dependency=afterany:" + arrayJob;
            stdout.printf("submitted job array %s: tasks %s of %d (%s)%n", arrayJob, list, tasks, array.taskScript());
        }
        List<String> mergeOptions = dependency.isEmpty() ? List.of() : List.of(dependency);
        Sbatch.Job merge;
        try {
            merge = sbatch.submit("merge job", mergeOptions, array.mergeScript());
        } catch (TransferLabException e) {
            throw new TransferLabException(e.getMessage() + (arrayJob.isEmpty() ? "" : "; job array " + arrayJob
                    + " was submitted: when it has ended, merge with './transferlab slurm merge " + directory + "'"), e);
        }
        record(array, arrayJob, unfinished, merge.id());
        stdout.printf("submitted merge job %s, after the array (afterany); './transferlab slurm status %s' says how far it got%n",
                merge.id(), directory);
        if (!waitForMerge) {
            return 0;
        }
        sbatch.awaitEnd(merge.id());
        RunDirectory merged = RunDirectory.existing(directory);
        List<TaskProgress> after = TaskProgress.of(grid, array, merged.finished());
        stdout.print(ProgressTable.render(array, after, merged.finished().size()));
        return after.stream().allMatch(TaskProgress::complete) ? 0 : TransferLabCommand.SOME_CELLS_FAILED;
    }

    /** Appends the submission to {@code slurm/submissions.log}: when, which jobs, which tasks. */
    private static void record(SlurmArray array, String arrayJob, List<Integer> tasks, String mergeJob) throws IOException {
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " array=" + (arrayJob.isEmpty() ? "-" : arrayJob) + " tasks="
                + (tasks.isEmpty() ? "-" : tasks.stream().map(String::valueOf).collect(Collectors.joining(","))) + " merge=" + mergeJob + "\n";
        Files.writeString(array.scripts().resolve("submissions.log"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
