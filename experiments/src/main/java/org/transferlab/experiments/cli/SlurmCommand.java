package org.transferlab.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs a study on a Slurm cluster as a job array: {@code submit}, {@code status} and {@code merge}. */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = "Runs a study on a Slurm cluster as a job array of shards plus a merge job.",
        subcommands = {SlurmSubmitCommand.class, SlurmStatusCommand.class, SlurmMergeCommand.class})
final class SlurmCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a slurm command: submit, status or merge");
    }
}
