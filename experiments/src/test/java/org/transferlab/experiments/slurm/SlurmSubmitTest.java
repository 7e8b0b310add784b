package org.transferlab.experiments.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.experiments.cli.TransferLabCommand;

/**
 * {@code slurm submit} against a stand-in {@code sbatch} that records what it was asked, so that what
 * is submitted, and each way submitting can fail, is checked on any machine; {@link SlurmClusterTest}
 * runs the same commands on a real cluster.
 */
class SlurmSubmitTest {
    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("tiny.yaml"), SlurmClusterTest.STUDY.replace("STRATEGY",
                "fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}"));
    }

    /** An sbatch that appends its arguments to {@code calls.txt} and answers with job ids 100, 101, ... */
    private Path fakeSbatch(String body) throws IOException {
        Path script = dir.resolve("sbatch");
        Files.writeString(script, "#!/usr/bin/env bash\necho \"$*\" >> '" + dir.resolve("calls.txt") + "'\n" + body + "\n");
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    private Result submit(Path sbatch, Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("slurm", "submit", config().toString(), "--tasks", "3", "--out", out.toString(),
                "--data-dir", dir.toString(), "--sbatch", sbatch.toString(), "--launcher", "/opt/transferlab/transferlab",
                "--cache-dir", dir.resolve("cache").toString()));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void submitsTheArrayThenAMergeThatRunsAfterItHoweverItEnded() throws IOException {
        Path sbatch = fakeSbatch("n=$(wc -l < '" + dir.resolve("calls.txt") + "'); echo $((99 + n))");
        Path out = dir.resolve("study");
        Result result = submit(sbatch, out, "--partition", "gpu", "--time", "1:00:00", "--mem", "6G", "--cpus-per-task", "2",
                "--sbatch-arg", "--account=lab");
        assertEquals(0, result.exitCode(), result.err());
        List<String> calls = Files.readAllLines(dir.resolve("calls.txt"));
        assertEquals(List.of("--parsable --array=0,1,2 " + out.resolve("slurm/task.sh"),
                "--parsable --dependency=afterany:100 " + out.resolve("slurm/merge.sh")), calls);
        assertTrue(result.out().contains("submitted job array 100: tasks 0,1,2 of 3"), result.out());
        assertTrue(result.out().contains("submitted merge job 101"), result.out());

        String task = Files.readString(out.resolve("slurm/task.sh"));
        for (String line : List.of("#SBATCH --partition=gpu", "#SBATCH --time=1:00:00", "#SBATCH --mem=6G", "#SBATCH --cpus-per-task=2",
                "#SBATCH --account=lab", "#SBATCH --output=" + out.resolve("slurm/logs/task-%a-job-%A.out"),
                "export TRANSFERLAB_NO_BUILD=1",
                "exec '/opt/transferlab/transferlab' run '" + dir.resolve("tiny.yaml") + "' --shard \"$SLURM_ARRAY_TASK_ID/3\" --out '"
                        + out.resolve("shards") + "'/\"$SLURM_ARRAY_TASK_ID\" --workers 2 --data-dir '" + dir + "' --cache-dir '"
                        + dir.resolve("cache") + "'")) {
            assertTrue(task.lines().anyMatch(line::equals), "task.sh lacks " + line + ":\n" + task);
        }
        String merge = Files.readString(out.resolve("slurm/merge.sh"));
        assertTrue(merge.contains("exec '/opt/transferlab/transferlab' slurm merge '" + out + "'"), merge);
        assertTrue(Files.readString(out.resolve("slurm/submissions.log")).contains("array=100 tasks=0,1,2 merge=101"));

        Result status = cli("slurm", "status", out.toString());
        assertEquals(TransferLabCommand.SOME_CELLS_FAILED, status.exitCode(), status.err());
        assertTrue(status.out().contains("all        12      0       0       12"), status.out());
        assertTrue(status.out().contains("tasks with cells never finished"), status.out());
    }

    @Test
    void aMissingSbatchIsNamedBeforeAnythingIsWritten() throws IOException {
        Path out = dir.resolve("study");
        Result result = submit(dir.resolve("no-such/sbatch"), out);
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode());
        assertEquals("error: cannot submit to Slurm: " + dir.resolve("no-such/sbatch") + " is not an executable file; 'slurm submit' "
                + "runs on a machine with Slurm's client commands (a cluster's login node; on Debian: apt-get install slurm-client), "
                + "or give --sbatch PATH. Nothing was written or submitted", result.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void aRefusedArrayQuotesSbatchAndSubmitsNoMerge() throws IOException {
        Path sbatch = fakeSbatch("echo 'sbatch: error: Batch job submission failed: Invalid account or account/partition combination "
                + "specified' >&2; exit 1");
        Result result = submit(sbatch, dir.resolve("study"));
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode());
        assertEquals("error: sbatch refused the task array (exit 1): sbatch: error: Batch job submission failed: Invalid account or "
                + "account/partition combination specified; the job script is " + dir.resolve("study/slurm/task.sh"), result.err().strip());
        assertEquals(1, Files.readAllLines(dir.resolve("calls.txt")).size(), "no merge job after a refused array");
        assertFalse(result.err().contains("\tat "), result.err());
    }

    @Test
    void aResubmissionWithAnotherTaskCountIsRefused() throws IOException {
        Path sbatch = fakeSbatch("echo 7");
        Path out = dir.resolve("study");
        assertEquals(0, submit(sbatch, out).exitCode());
        Result again = cli("slurm", "submit", config().toString(), "--tasks", "4", "--out", out.toString(), "--data-dir", dir.toString(),
                "--sbatch", sbatch.toString());
        assertEquals(TransferLabCommand.USER_ERROR, again.exitCode());
        assertEquals("error: " + out + ": was submitted as 3 tasks; submit again with --tasks 3 (another count would deal the cells out "
                + "differently), or choose another --out", again.err().strip());
    }

    @Test
    void optionsTransferLabSetsItselfCannotBePassedThrough() throws IOException {
        Result result = submit(fakeSbatch("echo 7"), dir.resolve("study"), "--sbatch-arg", "--dependency=afterok:3");
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode());
        assertEquals("error: --sbatch-arg '--dependency=afterok:3': TransferLab sets this option itself", result.err().strip());
        assertFalse(Files.exists(dir.resolve("calls.txt")));
    }

    @Test
    void statusOfADirectoryNeverSubmittedSaysHowToSubmit() {
        Result result = cli("slurm", "status", dir.toString());
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode());
        assertEquals("error: " + dir + ": no Slurm submission here (no slurm/array.properties); submit with "
                + "'./transferlab slurm submit CONFIG --out " + dir + "'", result.err().strip());
    }
}
