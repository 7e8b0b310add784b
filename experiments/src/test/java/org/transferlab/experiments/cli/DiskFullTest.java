package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.experiments.run.CsvRows;

/**
 * A run whose run directory fills its disk: the disk is a real, small tmpfs mounted for this test
 * (as root, which is how the project's CI and dev machines run; the test fails, and says why, if it
 * cannot mount one), nearly filled with a ballast file so that it runs out of space after a few
 * cells. The run must stop with an error that names the directory and says the disk is full, exit
 * non-zero, keep the cells it committed intact, and, once the ballast is deleted, resume to the
 * results of an uninterrupted run.
 */
class DiskFullTest {
    /** Room for the run directory's set-up and a few cells of the tiny study, not for all twelve. */
    private static final long FREE_BYTES = 40 * 1024;

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

    private static void sh(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0,
                String.join(" ", command) + " failed (this test mounts a small tmpfs and must run as root): " + output);
    }

    @Test
    void aRunThatFillsItsDiskStopsClearlyKeepsItsCellsAndResumesOnceThereIsRoom() throws Exception {
        Path config = Files.writeString(dir.resolve("tiny.yaml"), EndToEndTest.SYNTHETIC);
        Path reference = dir.resolve("reference");
        Result uninterrupted = cli("run", config.toString(), "--out", reference.toString(), "--data-dir", dir.toString(),
                "--no-cache", "--workers", "1");
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());

        Path disk = Files.createDirectories(dir.resolve("disk"));
        sh("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString());
        try {
            Path ballast = disk.resolve("ballast");
            Files.write(ballast, new byte[(int) (Files.getFileStore(disk).getUsableSpace() - FREE_BYTES)]);
            Path run = disk.resolve("run");

            Result full = cli("run", config.toString(), "--out", run.toString(), "--data-dir", dir.toString(), "--no-cache",
                    "--workers", "1");
            assertEquals(TransferLabCommand.USER_ERROR, full.exitCode(), full.err());
            List<String> lines = full.err().lines().filter(l -> !l.isBlank()).toList();
            String error = lines.get(lines.size() - 1);
            assertTrue(error.startsWith("error: " + run), "the error names the run directory: " + error);
            assertTrue(error.contains("(the disk is full: java.io.IOException: No space left on device)"), error);
            Matcher kept = Pattern.compile("(\\d+) finished cells are kept in " + Pattern.quote(run.toString())
                    + "; re-run the same command to run the rest").matcher(full.err());
            assertTrue(kept.find(), full.err());
            int finished = Integer.parseInt(kept.group(1));
            assertTrue(finished >= 1 && finished < 12, finished + " cells fitted before the disk filled");
            assertFalse(Files.exists(run.resolve("results.csv")), "no results.csv from a run that did not finish");
            BadInputCorpusTest.assertNoTemporaryFiles(disk);

            // The committed cells are whole: each reads back as the uninterrupted run's row for that cell.
            Map<String, Map<String, String>> expected = RunLifecycleTest.results(reference).stream()
                    .collect(Collectors.toMap(r -> r.get("cell_id"), r -> r));
            Set<String> done;
            try (Stream<Path> files = Files.list(run.resolve("cells"))) {
                done = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".done"))
                        .map(n -> n.substring(0, n.length() - ".done".length())).collect(Collectors.toSet());
            }
            assertEquals(finished, done.size());
            for (String id : done) {
                Map<String, String> row = CsvRows.read(run.resolve("cells").resolve(id + ".csv")).get(0);
                row.keySet().removeIf(k -> k.endsWith("_s") || k.equals("source_trained"));
                assertEquals(expected.get(id), row, "cell " + id + " is intact");
            }

            Files.delete(ballast);
            Result resumed = cli("run", config.toString(), "--out", run.toString(), "--data-dir", dir.toString(), "--no-cache",
                    "--workers", "1");
            assertEquals(0, resumed.exitCode(), resumed.err());
            assertTrue(resumed.err().contains(finished + " of 12 cells already finished"), resumed.err());
            assertEquals(RunLifecycleTest.results(reference), RunLifecycleTest.results(run));
        } finally {
            sh("umount", disk.toString());
        }
    }
}
