package org.transferlab.experiments.slurm;

import java.util.List;
import org.transferlab.core.TransferLabException;

/**
 * What each array task asks Slurm for. A task is one {@code transferlab run} process: it runs
 * {@code cpusPerTask} workers, each with one ND4J thread, so the CPUs asked for are the CPUs used.
 *
 * @param partition   {@code --partition}, or empty for the cluster's default
 * @param time        {@code --time} limit of each task, or empty for the partition's default; a task
 *                    that hits it is killed, and the cells it had committed are kept
 * @param memory      {@code --mem} of each task (for example {@code 6G}), or empty for the default; a
 *                    process needs about 3 GB of Java heap plus up to 2 GB of ND4J buffers
 * @param cpusPerTask {@code --cpus-per-task}, and the task's workers
 * @param sbatchArgs  further {@code sbatch} options, passed through as given (for example {@code --account=lab})
 */
public record Resources(String partition, String time, String memory, int cpusPerTask, List<String> sbatchArgs) {
    public Resources {
        if (cpusPerTask < 1) {
            throw new TransferLabException("--cpus-per-task must be at least 1, got " + cpusPerTask);
        }
        for (String arg : sbatchArgs) {
            if (!arg.startsWith("-")) {
                throw new TransferLabException("--sbatch-arg '" + arg + "': expected an sbatch option such as --account=lab");
            }
            if (arg.startsWith("--array") || arg.startsWith("--dependency") || arg.startsWith("--output") || arg.startsWith("--wrap")) {
                throw new TransferLabException("--sbatch-arg '" + arg + "': TransferLab sets this option itself");
            }
        }
        sbatchArgs = List.copyOf(sbatchArgs);
    }

    /** The {@code #SBATCH} lines for these resources. */
    List<String> directives() {
        List<String> lines = new java.util.ArrayList<>();
        if (!partition.isEmpty()) {
            lines.add("--partition=" + partition);
        }
        if (!time.isEmpty()) {
            lines.add("--time=" + time);
        }
        if (!memory.isEmpty()) {
            lines.add("--mem=" + memory);
        }
        lines.add("--cpus-per-task=" + cpusPerTask);
        lines.addAll(sbatchArgs);
        return lines;
    }
}
