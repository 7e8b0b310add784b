package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.experiments.run.CsvRows;

/**
 * The life of a run directory: resume after an interruption (including SIGKILL of a real process),
 * a changed config, sharding and merging, and parallel workers; each compared with one
 * uninterrupted run, which is computed once.
 */
class RunLifecycleTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static Path config;
    private static List<Map<String, String>> reference;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static Result run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", config.toString(), "--out", out.toString(),
                "--data-dir", shared.toString()));
        if (!List.of(extra).contains("--cache-dir")) {
            args.add("--no-cache");
        }
        args.addAll(List.of(extra));
        Result result = cli(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        return result;
    }

    /**
     * results.csv without the columns that record how a run went rather than what it found: the
     * timings, and which cell happened to train the shared source model.
     */
    static List<Map<String, String>> results(Path runDirectory) {
        return CsvRows.read(runDirectory.resolve("results.csv")).stream()
                .map(r -> r.entrySet().stream().filter(e -> !e.getKey().endsWith("_s") && !e.getKey().equals("source_trained"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .toList();
    }

    @BeforeAll
    static void uninterruptedRun() throws IOException {
        config = Files.writeString(shared.resolve("tiny.yaml"), EndToEndTest.SYNTHETIC);
        run(shared.resolve("reference"), "--workers", "1");
        reference = results(shared.resolve("reference"));
        assertEquals(12, reference.size());
    }

    @Test
    void resumingRunsOnlyTheUnfinishedCellsAndGivesTheSameResults() throws IOException {
        Path out = dir.resolve("run");
        run(out);
        // Simulate a run killed after some cells: drop the markers of four cells, leave a stray temp file.
        List<Path> markers;
        try (Stream<Path> files = Files.list(out.resolve("cells"))) {
            markers = files.filter(p -> p.toString().endsWith(".done")).sorted().limit(4).toList();
        }
        for (Path marker : markers) {
            Files.delete(marker);
        }
        Files.writeString(out.resolve("cells/abc.csv.tmp-123"), "half a row");
        Files.delete(out.resolve("results.csv"));

        Result resumed = run(out);
        assertTrue(resumed.err().contains("8 of 12 cells already finished"), resumed.err());
        assertTrue(resumed.out().contains("4 cells run (8 already finished)"), resumed.out());
        assertFalse(Files.exists(out.resolve("cells/abc.csv.tmp-123")));
        assertEquals(reference, results(out));

        Result again = run(out);
        assertTrue(again.out().contains("0 cells run (12 already finished)"), again.out());
    }

    /** Starts {@code transferlab run} of the tiny study in a JVM of its own, on the test's class path. */
    private Process launch(Path out, String log, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), TransferLabCommand.class.getName(),
                "run", config.toString(), "--out", out.toString(), "--data-dir", shared.toString(), "--no-cache"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    /** Waits until {@code out} holds at least {@code cells} committed cells, or the process ends. */
    private static void awaitCells(Path out, int cells, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (doneMarkers(out) < cells && process.isAlive() && System.nanoTime() < deadline) {
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * SIGKILL at several seeded-random moments: each time after a random number of further cells
     * has been committed and a random delay more, so kills land during training, between the files of
     * a commit and between cells. Each restart is a new JVM that resumes the same directory; the final
     * results must equal the uninterrupted run's, with every cell exactly once and no stray file.
     */
    @Test
    void aRunKilledWithSigkillAtRandomPointsResumesToTheSameResults() throws Exception {
        Path out = dir.resolve("killed");
        java.util.Random random = new java.util.Random(8);
        List<String> kills = new ArrayList<>();
        int finished = 0;
        long lastKilledPid = -1;
        while (kills.size() < 4) {
            Process process = launch(out, "killed-" + kills.size() + ".log", "--workers", kills.size() % 2 == 0 ? "1" : "2");
            int target = finished + 1 + random.nextInt(Math.max(1, (12 - finished) / 3));
            awaitCells(out, target, process);
            Thread.sleep(random.nextInt(250));
            process.destroyForcibly().waitFor(); // SIGKILL on Linux: no shutdown hook and no finally block runs
            int now = doneMarkers(out);
            assertTrue(now >= finished, "a committed cell was lost: " + finished + " before the kill, " + now + " after");
            kills.add(finished + "->" + now);
            finished = now;
            lastKilledPid = process.pid();
            assertFalse(Files.exists(out.resolve("results.csv")), "killed before the end: no results.csv yet, " + kills);
            if (finished >= 10) {
                break; // too few cells left to kill the next run anywhere but at its end
            }
        }
        assertTrue(kills.size() >= 3, "killed at " + kills + "; " + Files.readString(dir.resolve("killed-0.log")));

        Result resumed = run(out);
        assertTrue(resumed.err().contains(finished + " of 12 cells already finished"), resumed.err());
        assertTrue(resumed.err().contains("note: the last run in " + out.toAbsolutePath() + " (pid " + lastKilledPid + " on "),
                "the killed run's lock record is recognised: " + resumed.err());
        assertEquals(reference, results(out), "resumed after kills " + kills + ", identical to the uninterrupted run");
        try (Stream<Path> cells = Files.list(out.resolve("cells"))) {
            assertEquals(12, cells.filter(p -> p.toString().endsWith(".done")).count(), "every cell committed once");
        }
        BadInputCorpusTest.assertNoTemporaryFiles(out);
    }

    /**
     * Two processes, one run directory: the second is refused while the first holds the lock (it is
     * paused with SIGSTOP, so it holds the lock for as long as the test needs, however fast the
     * machine), and once the first is killed with SIGKILL its lock is gone and a new run finishes.
     */
    @Test
    void aSecondRunOnTheSameDirectoryIsRefusedAndAKilledHoldersLockIsNot() throws Exception {
        Path out = dir.resolve("locked");
        Process holder = launch(out, "holder.log", "--workers", "1");
        try {
            awaitCells(out, 1, holder);
            assertTrue(holder.isAlive(), Files.readString(dir.resolve("holder.log")));
            assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(holder.pid())).start().waitFor());

            Process second = launch(out, "second.log", "--workers", "1");
            assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the second run gives up at once");
            String log = Files.readString(dir.resolve("second.log"));
            assertEquals(TransferLabCommand.USER_ERROR, second.exitValue(), log);
            assertTrue(log.contains("error: " + out.toAbsolutePath() + ": another TransferLab process is using this run directory (pid "
                    + holder.pid() + " on "), log);
            assertTrue(log.contains("; wait for it to finish, or choose another --out"), log);
            assertFalse(log.contains("[1/"), "the second run ran no cell");

            Result inProcess = cli("run", config.toString(), "--out", out.toString(), "--data-dir", shared.toString(), "--no-cache");
            assertEquals(TransferLabCommand.USER_ERROR, inProcess.exitCode(), "refused from this JVM too");
            assertTrue(inProcess.err().contains("another TransferLab process is using this run directory (pid " + holder.pid()),
                    inProcess.err());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        Result after = run(out);
        assertTrue(after.err().contains("note: the last run in " + out.toAbsolutePath() + " (pid " + holder.pid() + " on "),
                after.err());
        assertEquals(reference, results(out));
        Result again = run(out);
        assertFalse(again.err().contains("note: the last run"), "a run that finished leaves no holder behind: " + again.err());
    }

    /** Two fresh JVMs, one worker and two, give the same results as each other and as this JVM. */
    @Test
    void freshJvmsGiveTheSameResultsWhateverTheWorkerCount() throws Exception {
        Process one = launch(dir.resolve("jvm-1"), "jvm-1.log", "--workers", "1");
        Process two = launch(dir.resolve("jvm-2"), "jvm-2.log", "--workers", "2");
        for (Process process : List.of(one, two)) {
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the run finishes");
        }
        assertEquals(0, one.exitValue(), Files.readString(dir.resolve("jvm-1.log")));
        assertEquals(0, two.exitValue(), Files.readString(dir.resolve("jvm-2.log")));
        assertEquals(results(dir.resolve("jvm-1")), results(dir.resolve("jvm-2")));
        assertEquals(reference, results(dir.resolve("jvm-1")));
    }

    @Test
    void aChangedConfigIsRefusedUnlessAskedFor() throws IOException {
        Path out = dir.resolve("run");
        run(out);
        Path changed = Files.writeString(dir.resolve("changed.yaml"), EndToEndTest.SYNTHETIC.replace("seeds: 2", "seeds: 3"));
        Result refused = cli("run", changed.toString(), "--out", out.toString(), "--data-dir", shared.toString());
        assertEquals(TransferLabCommand.USER_ERROR, refused.exitCode());
        assertTrue(refused.err().contains("holds a run of a different config"), refused.err());

        Result allowed = cli("run", changed.toString(), "--out", out.toString(), "--data-dir", shared.toString(),
                "--allow-changed-config");
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertTrue(allowed.out().contains("6 cells run (12 already finished)"), allowed.out());
        assertEquals(18, CsvRows.read(out.resolve("results.csv")).size());
    }

    @Test
    void shardsCoverTheGridOnceAndMergeIdempotently() throws IOException {
        Set<String> seen = new HashSet<>();
        int total = 0;
        List<String> shardDirs = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            Path out = dir.resolve("shard-" + shard);
            run(out, "--shard", shard + "/3");
            List<Map<String, String>> rows = CsvRows.read(out.resolve("results.csv"));
            total += rows.size();
            rows.forEach(r -> seen.add(r.get("cell_id")));
            shardDirs.add(out.toString());
            assertTrue(Files.readString(out.resolve("report.md")).contains("Incomplete"), "a shard's report says it is partial");
        }
        assertEquals(12, total, "no cell in two shards");
        assertEquals(12, seen.size(), "every cell in some shard");

        Path merged = dir.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge", "--out", merged.toString()));
        args.addAll(shardDirs);
        Result first = cli(args.toArray(String[]::new));
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(reference, results(merged));
        String results = Files.readString(merged.resolve("results.csv"));
        String report = Files.readString(merged.resolve("report.md"));
        assertFalse(report.contains("Incomplete"));

        Result second = cli(args.toArray(String[]::new));
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("0 new cells, 12 of 12 cells present"), second.out());
        assertEquals(results, Files.readString(merged.resolve("results.csv")));
        assertEquals(report, Files.readString(merged.resolve("report.md")));
    }

    @Test
    void trainedSourceModelsAreCachedOnDiskAndACorruptEntryIsRebuilt() throws IOException {
        Path cache = dir.resolve("cache");
        Result first = run(dir.resolve("first"), "--cache-dir", cache.toString());
        assertTrue(first.out().contains("source models: 2 trained, 0 loaded from the cache"), first.out());

        Result second = run(dir.resolve("second"), "--cache-dir", cache.toString());
        assertTrue(second.out().contains("source models: 0 trained, 2 loaded from the cache"), second.out());
        assertEquals(reference, results(dir.resolve("second")), "a model loaded from disk gives the same results");

        List<Path> zips;
        try (Stream<Path> files = Files.list(cache)) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        assertEquals(2, zips.size(), "one entry per source model");
        byte[] zip = Files.readAllBytes(zips.get(0));
        Files.write(zips.get(0), java.util.Arrays.copyOf(zip, zip.length / 2));
        Path properties = Path.of(zips.get(1).toString().replace(".zip", ".properties"));
        Files.writeString(properties, Files.readString(properties).replace("transferlab-source-model-v2", "transferlab-source-model-v0"));

        Result third = run(dir.resolve("third"), "--cache-dir", cache.toString());
        assertTrue(third.err().contains("is unusable: its model zip has SHA-256"), third.err());
        assertTrue(third.err().contains("is unusable: written by another version (transferlab-source-model-v0"), third.err());
        assertTrue(third.out().contains("source models: 2 trained, 0 loaded from the cache"), third.out());
        assertEquals(reference, results(dir.resolve("third")));
        Result fourth = run(dir.resolve("fourth"), "--cache-dir", cache.toString());
        assertTrue(fourth.out().contains("source models: 0 trained, 2 loaded from the cache"), "rebuilt entries are stored again");
    }

    @Test
    void parallelWorkersGiveTheSameResultsAsOne() {
        Path out = dir.resolve("parallel");
        run(out, "--workers", "3");
        assertEquals(reference, results(out));
    }

    @Test
    void theReportCommandRebuildsTheReportFromTheCells() throws IOException {
        Path out = dir.resolve("run");
        run(out);
        Files.delete(out.resolve("report.md"));
        Files.delete(out.resolve("results.csv"));
        Result result = cli("report", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(reference, results(out));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| environment | git-commit |"), report);
        assertTrue(report.contains("p (Holm)"), report);
    }

    @Test
    void listShowsEveryPluginWithItsParameters() {
        Result result = cli("list");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("  fashion-mnist                org.transferlab.core.loader.fashion.FashionMnistLoader\n"), result.out());
        assertTrue(result.out().contains("    classes            list of integer default [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"), result.out());
        assertTrue(result.out().contains("    file               string         (required)"), result.out());
        assertTrue(result.out().contains("  fine-tuning                  org.transferlab.transfer.network.FineTuning\n    learning-rate      double         default 0.0003"), result.out());
        assertTrue(result.out().contains("  image-folder                 org.transferlab.core.loader.imagefolder.ImageFolderLoader\n    folder             string         (required)\n"
                + "    classes            list of string default []\n"
                + "    channels           int            default 3\n"
                + "    width              int            (required)\n"
                + "    height             int            (required)\n"
                + "    mismatched-sizes   enum           default error\n"
                + "    test-fraction      double         default 0.3\n"
                + "    split-seed         long           default 0\n"
                + "    task               enum           default classification\n"), result.out());
    }

    private static int doneMarkers(Path out) throws IOException {
        if (!Files.isDirectory(out.resolve("cells"))) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out.resolve("cells"))) {
            return (int) files.filter(p -> p.toString().endsWith(".done")).count();
        }
    }
}
