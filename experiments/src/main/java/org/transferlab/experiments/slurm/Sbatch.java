package org.transferlab.experiments.slurm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.transferlab.core.TransferLabException;

/**
 * Slurm's {@code sbatch}, run as a process, and {@code squeue} beside it to wait for a job.
 * {@code --parsable} makes sbatch print the job id alone. Waiting polls {@code squeue} every second
 * rather than using {@code sbatch --wait}, whose polling interval doubles up to half a minute.
 */
public final class Sbatch {
    private final Path executable;

    private Sbatch(Path executable) {
        this.executable = executable;
    }

    /** A submitted job. */
    public record Job(String id) {
    }

    /**
     * Finds {@code command} (a name looked up on {@code PATH}, or a path), or says that Slurm's client
     * commands are missing, before anything is written or submitted.
     */
    public static Sbatch find(String command) {
        if (command.contains("/")) {
            Path path = Path.of(command);
            if (Files.isExecutable(path)) {
                return new Sbatch(path.toAbsolutePath());
            }
            throw missing(command + " is not an executable file");
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(candidate)) {
                return new Sbatch(candidate.toAbsolutePath());
            }
        }
        throw missing("'" + command + "' is not on PATH (" + path + ")");
    }

    private static TransferLabException missing(String why) {
        return new TransferLabException("cannot submit to Slurm: " + why + "; 'slurm submit' runs on a machine with Slurm's "
                + "client commands (a cluster's login node; on Debian: apt-get install slurm-client), or give --sbatch PATH. "
                + "Nothing was written or submitted");
    }

    public Path executable() {
        return executable;
    }

    /**
     * Returns when job {@code id} has left the queue: ended, however it ended, and {@code squeue} no
     * longer lists it as pending, running or completing.
     */
    public void awaitEnd(String id) {
        Path squeue = executable.resolveSibling("squeue");
        List<String> command = List.of(Files.isExecutable(squeue) ? squeue.toString() : "squeue", "-h", "-j", id, "-o", "%T");
        while (true) {
            String state;
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                process.getOutputStream().close();
                state = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                process.waitFor();
            } catch (IOException e) {
                throw new TransferLabException("cannot run squeue to wait for job " + id + " (" + e.getMessage() + "); the job is "
                        + "submitted: follow it with './transferlab slurm status'", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransferLabException("interrupted while waiting for job " + id + "; it is still submitted", e);
            }
            // An ended job drops out of squeue's default view; an unknown id (purged already) is an error line.
            if (!List.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED", "REQUEUED", "RESIZING").contains(state)) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransferLabException("interrupted while waiting for job " + id + "; it is still submitted", e);
            }
        }
    }

    /** Submits {@code script} with {@code options}; a refusal is an error quoting sbatch's own message. */
    public Job submit(String what, List<String> options, Path script) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--parsable"));
        command.addAll(options);
        command.add(script.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new TransferLabException("cannot run " + executable + " (" + e.getMessage() + "); nothing was submitted", e);
        }
        try {
            process.getOutputStream().close();
            // sbatch's messages are short; read stderr after stdout is drained, in one thread.
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int code = process.waitFor();
            String id = out.lines().findFirst().orElse("").split(";")[0].strip();
            if (code != 0 || !id.matches("\\d+")) {
                throw new TransferLabException("sbatch refused the " + what + " (exit " + code + "): "
                        + (err.isEmpty() ? out : err) + "; the job script is " + script);
            }
            return new Job(id);
        } catch (IOException e) {
            throw new TransferLabException("lost contact with " + executable + " while submitting the " + what + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new TransferLabException("interrupted while submitting the " + what, e);
        }
    }
}
