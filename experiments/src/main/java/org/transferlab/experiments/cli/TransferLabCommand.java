package org.transferlab.experiments.cli;

import java.io.PrintWriter;
import org.transferlab.core.TransferLabException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code transferlab} command line. Exit codes: 0 success, 1 internal failure, 2 a problem the user can
 * fix, 3 a study that ran with some failed cells.
 */
@Command(name = "transferlab", mixinStandardHelpOptions = true, version = "TransferLab 0.1.0",
        description = "Runs transfer-learning studies from experiment config files, and reproduces published results.",
        subcommands = {RunCommand.class, ValidateCommand.class, ForecastCommand.class, ReportCommand.class, MergeCommand.class,
            ListCommand.class, DataCommand.class, ReproduceCommand.class, SlurmCommand.class})
public final class TransferLabCommand implements Runnable {
    public static final int USER_ERROR = 2;
    public static final int INTERNAL_ERROR = 1;
    /** The study ran and its report was written, but some cells failed; re-running retries them. */
    public static final int SOME_CELLS_FAILED = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, validate, report, merge, list, data, reproduce or slurm");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        // Auto-flush covers println and printf only; a command's last print() must not be lost at exit.
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new TransferLabCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof TransferLabException) {
                cmd.getErr().println("error: " + e.getMessage());
                return USER_ERROR;
            }
            cmd.getErr().println("internal error: " + e);
            e.printStackTrace(cmd.getErr());
            return INTERNAL_ERROR;
        });
        return commandLine.execute(args);
    }
}
