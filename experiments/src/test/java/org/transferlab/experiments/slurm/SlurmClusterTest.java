package org.transferlab.experiments.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.experiments.cli.TransferLabCommand;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.run.Cell;
import org.transferlab.experiments.run.CsvRows;
import org.transferlab.experiments.run.Grid;
import org.transferlab.experiments.run.Shard;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.StrategyBindings;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.TransferStrategy;

/**
 * A study through a real Slurm cluster: a single-node cluster brought up on this machine by
 * {@code experiments/cluster/slurm/local-cluster.sh} (the suite's launcher installs its packages),
 * with {@code slurm submit}, {@code status} and resubmission run as a user runs them, as processes.
 * The jobs run a launcher on the test class path, so that a plugin strategy that fails on purpose is
 * there too. Exclude it with {@code -DexcludedGroups=slurm} on a machine without root.
 */
@Tag("slurm")
class SlurmClusterTest {
    /** The suite's tiny synthetic study, with its third strategy left for each test to fill in. */
    static final String STUDY = org.transferlab.experiments.cli.EndToEndTest.SYNTHETIC
            .replace("  fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}\n", "  STRATEGY\n");

    @TempDir
    static Path dir;
    private static Path cluster;
    private static Path launcher;
    private static int port;

    /**
     * In array task {@code fails-in-task}: fails while the file {@code fails-while} exists, and hangs
     * while {@code hangs-while} exists; otherwise, and in other tasks, it is target-only.
     */
    public static final class Flaky implements TransferStrategy<Flaky.Parameters> {
        public record Parameters(@Default("1") int failsInTask, @Default("") String failsWhile, @Default("") String hangsWhile) {
        }

        @Override
        public Class<Parameters> parametersType() {
            return Parameters.class;
        }

        @Override
        public boolean supports(TaskType task) {
            return true;
        }

        @Override
        public Fitted fit(Parameters p, TransferContext context) {
            String task = System.getenv("SLURM_ARRAY_TASK_ID");
            if (Integer.toString(p.failsInTask()).equals(task) && !p.failsWhile().isEmpty() && Files.exists(Path.of(p.failsWhile()))) {
                throw new IllegalStateException("the node ran out of scratch space");
            }
            if (Integer.toString(p.failsInTask()).equals(task) && !p.hangsWhile().isEmpty() && Files.exists(Path.of(p.hangsWhile()))) {
                try {
                    Files.writeString(Path.of(p.hangsWhile() + ".reached"), "");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            while (Integer.toString(p.failsInTask()).equals(task) && !p.hangsWhile().isEmpty() && Files.exists(Path.of(p.hangsWhile()))) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return new org.transferlab.transfer.baseline.TargetOnly().fit(
                    new org.transferlab.transfer.baseline.TargetOnly.Parameters(0.01, 3, 2, 32), context);
        }
    }

    /** The module a third-party jar would list in META-INF/services. */
    public static final class FlakyModule extends AbstractModule implements TransferLabModule {
        @Override
        protected void configure() {
            StrategyBindings.strategy(binder(), "flaky", Flaky.class);
        }
    }

    private record Result(int exitCode, String out) {
    }

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = dir.resolve("cluster");
        port = freePortPair();
        Result started = process(List.of("bash", Path.of("cluster/slurm/local-cluster.sh").toAbsolutePath().toString(), "start",
                cluster.toString()), 120);
        assertEquals(0, started.exitCode(), "the single-node Slurm cluster did not start:\n" + started.out());
        Path plugin = dir.resolve("plugin");
        Files.createDirectories(plugin.resolve("META-INF/services"));
        Files.writeString(plugin.resolve("META-INF/services/" + TransferLabModule.class.getName()), FlakyModule.class.getName());
        launcher = dir.resolve("transferlab");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + java + "' -Xmx1g -cp '" + System.getProperty("java.class.path")
                + ":" + plugin + "' " + TransferLabCommand.class.getName() + " \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
    }

    /** No test leaves jobs behind for the next, whatever happened in it. */
    @org.junit.jupiter.api.AfterEach
    void cancelLeftoverJobs() throws Exception {
        process("scancel", "--user=" + System.getProperty("user.name"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !process(List.of("squeue", "-h"), 30).out().isBlank()) {
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            process(List.of("bash", Path.of("cluster/slurm/local-cluster.sh").toAbsolutePath().toString(), "stop", cluster.toString()), 60);
        }
    }

    /** Runs a command with the cluster's config in its environment; its output, stdout and stderr together. */
    private static Result process(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "process", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SLURM_CONF", dir.resolve("cluster/slurm.conf").toString());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("LOCAL_SLURM_PORT", Integer.toString(port));
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process("scancel", "--user=" + System.getProperty("user.name"));
            throw new AssertionError(command + " did not end in " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void process(String... command) throws IOException, InterruptedException {
        process(List.of(command), 30);
    }

    private static Result transferlab(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return process(command, 300);
    }

    private static Result submit(Path config, Path out) throws Exception {
        return transferlab("slurm", "submit", config.toString(), "--tasks", "3", "--out", out.toString(), "--wait",
                "--data-dir", dir.toString(), "--cache-dir", out.resolveSibling(out.getFileName() + "-cache").toString(),
                "--launcher", launcher.toString(), "--mem", "2G");
    }

    /** results.csv without the columns that say how the run went (timings, which cell trained a source model). */
    private static List<Map<String, String>> results(Path run) {
        return CsvRows.read(run.resolve("results.csv")).stream()
                .map(r -> r.entrySet().stream().filter(e -> !e.getKey().endsWith("_s") && !e.getKey().equals("source_trained"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .toList();
    }

    private static Path config(String name, String strategy) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), STUDY.replace("STRATEGY", strategy));
    }

    /** A study whose {@code flaky} strategy watches {@code marker}, and so fails or hangs in task 1 while it exists. */
    private record FlakyStudy(Path config, Path marker) {
    }

    /**
     * A study whose flaky cells include some of task 1's. Cells are dealt out to the tasks by id, and the marker's
     * path, a parameter of the flaky strategy, is part of its cells' ids: with a temporary directory's path, task 1
     * got no flaky cell in about one run in seven, and the test failed. So the marker's name is chosen to give it some.
     */
    private static FlakyStudy flakyStudy(String name, String watch) throws IOException {
        List<TransferLabModule> modules = new ArrayList<>();
        java.util.ServiceLoader.load(TransferLabModule.class).forEach(modules::add);
        modules.add(new FlakyModule());
        ConfigLoader loader = new ConfigLoader(Plugins.of(modules));
        for (int attempt = 0; attempt < 100; attempt++) {
            Path marker = dir.resolve(name + "-marker-" + attempt);
            Path config = config(name, "flaky: {fails-in-task: 1, " + watch + ": '" + marker + "'}");
            List<Cell> task1 = new Shard(1, 3).select(Grid.expand(loader.load(config)).cells());
            if (task1.stream().anyMatch(cell -> cell.strategy().name().equals("flaky"))) {
                return new FlakyStudy(config, marker);
            }
        }
        throw new AssertionError("no marker name in 100 gives task 1 of 3 a flaky cell");
    }

    @Test
    void anArrayOfThreeTasksMergesToTheResultsOfALocalRunAndTrainsEachSourceModelOnce() throws Exception {
        Path config = config("plain", "fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}");
        Result local = transferlab("run", config.toString(), "--out", dir.resolve("plain-local").toString(), "--data-dir",
                dir.toString(), "--no-cache", "--workers", "1");
        assertEquals(0, local.exitCode(), local.out());

        Path out = dir.resolve("plain-slurm");
        Result submitted = submit(config, out);
        assertEquals(0, submitted.exitCode(), submitted.out());
        assertTrue(submitted.out().contains("tasks 0,1,2 of 3"), submitted.out());
        assertTrue(submitted.out().contains("all        12     12       0        0"), submitted.out());
        assertEquals(results(dir.resolve("plain-local")), results(out));
        long trainings = CsvRows.read(out.resolve("results.csv")).stream().filter(r -> r.get("source_trained").equals("true")).count();
        assertEquals(2, trainings, "the tasks share the cache: each of the 2 source models (one per seed) is trained once");
        assertTrue(Files.readString(out.resolve("slurm/task.sh")).contains("--shard \"$SLURM_ARRAY_TASK_ID/3\""));
        assertTrue(Files.isRegularFile(out.resolve("report.md")));

        Result status = transferlab("slurm", "status", out.toString());
        assertEquals(0, status.exitCode(), status.out());
        Result again = submit(config, out);
        assertEquals(0, again.exitCode(), again.out());
        assertTrue(again.out().contains("nothing to submit: all 12 cells of tiny are done and merged"), again.out());
    }

    @Test
    void aFailedTaskStillGetsMergedIsReportedAndAResubmissionCompletesOnlyIt() throws Exception {
        FlakyStudy flaky = flakyStudy("flaky", "fails-while");
        Path marker = Files.writeString(flaky.marker(), "");
        Path config = flaky.config();
        Path out = dir.resolve("flaky-slurm");
        Result first = submit(config, out);
        assertEquals(TransferLabCommand.SOME_CELLS_FAILED, first.exitCode(), first.out());
        Result status = transferlab("slurm", "status", out.toString());
        assertEquals(TransferLabCommand.SOME_CELLS_FAILED, status.exitCode(), status.out());
        List<String> lines = status.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("1 +4 +\\d +[1-4] +0")), status.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("0 +4 +4 +0 +0")), status.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("2 +4 +4 +0 +0")), status.out());
        assertTrue(status.out().contains("failed: task 1, cell "), status.out());
        assertTrue(status.out().contains("the node ran out of scratch space"), status.out());
        int merged = CsvRows.read(out.resolve("results.csv")).size();
        assertTrue(merged >= 8 && merged < 12, "the merge ran after the failed task and kept the other tasks' cells: " + merged);

        Files.delete(marker);
        Result second = submit(config, out);
        assertEquals(0, second.exitCode(), second.out());
        assertTrue(second.out().contains("tasks 1 of 3"), "only the failed task is submitted again:\n" + second.out());
        String retried = Files.list(out.resolve("slurm/logs")).filter(p -> p.getFileName().toString().startsWith("task-1-"))
                .map(SlurmClusterTest::read).collect(Collectors.joining("\n"));
        assertTrue(retried.contains("cells already finished"), retried);

        Result local = transferlab("run", config.toString(), "--out", dir.resolve("flaky-local").toString(), "--data-dir",
                dir.toString(), "--no-cache", "--workers", "1");
        assertEquals(0, local.exitCode(), local.out());
        assertEquals(results(dir.resolve("flaky-local")), results(out));
    }

    @Test
    void aTaskTheSchedulerKillsKeepsItsFinishedCellsAndIsSubmittedAgain() throws Exception {
        FlakyStudy killed = flakyStudy("killed", "hangs-while");
        Path hang = Files.writeString(killed.marker(), "");
        Path config = killed.config();
        Path out = dir.resolve("killed-slurm");
        Result submitted = transferlab("slurm", "submit", config.toString(), "--tasks", "3", "--out", out.toString(),
                "--data-dir", dir.toString(), "--no-cache", "--launcher", launcher.toString());
        assertEquals(0, submitted.exitCode(), submitted.out());
        java.util.regex.Matcher job = java.util.regex.Pattern.compile("submitted job array (\\d+)").matcher(submitted.out());
        assertTrue(job.find(), submitted.out());
        // Task 1 reaches its first flaky cell and hangs there; the scheduler then kills it, as at a time limit.
        Path log = out.resolve("slurm/logs");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Path reached = Path.of(hang + ".reached");
        while (System.nanoTime() < deadline && !Files.exists(reached)) {
            Thread.sleep(200);
        }
        assertTrue(Files.exists(reached), "task 1 never reached a flaky cell:\n" + taskLog(log, 1));
        long committedBeforeKill = doneMarkers(out.resolve("shards/1"));
        process("scancel", job.group(1) + "_1");
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && !process(List.of("squeue", "-h"), 30).out().isBlank()) {
            Thread.sleep(500);
        }
        assertEquals(committedBeforeKill, doneMarkers(out.resolve("shards/1")), "the kill lost no committed cell");

        Result status = transferlab("slurm", "status", out.toString());
        assertEquals(TransferLabCommand.SOME_CELLS_FAILED, status.exitCode(), status.out());
        assertTrue(status.out().lines().anyMatch(l -> l.matches("1 +4 +" + committedBeforeKill + " +0 +" + (4 - committedBeforeKill))),
                status.out());
        assertTrue(status.out().contains("tasks with cells never finished (not run yet, still running, or killed: see " + log + "): 1"),
                status.out());
        assertTrue(Files.isRegularFile(out.resolve("report.md")), "the merge job ran after the killed task");

        Files.delete(hang);
        Result again = transferlab("slurm", "submit", config.toString(), "--tasks", "3", "--out", out.toString(),
                "--data-dir", dir.toString(), "--no-cache", "--launcher", launcher.toString(), "--wait");
        assertEquals(0, again.exitCode(), again.out());
        assertTrue(again.out().contains("tasks 1 of 3"), again.out());
        assertEquals(12, CsvRows.read(out.resolve("results.csv")).size());
    }

    private static String taskLog(Path logs, int task) throws IOException {
        if (!Files.isDirectory(logs)) {
            return "";
        }
        try (var files = Files.list(logs)) {
            return files.filter(p -> p.getFileName().toString().startsWith("task-" + task + "-")).map(SlurmClusterTest::read)
                    .collect(Collectors.joining("\n"));
        }
    }

    private static long doneMarkers(Path run) throws IOException {
        if (!Files.isDirectory(run.resolve("cells"))) {
            return 0;
        }
        try (var files = Files.list(run.resolve("cells"))) {
            return files.filter(p -> p.toString().endsWith(".done")).count();
        }
    }

    @Test
    void aJobSlurmRefusesIsAnErrorQuotingSlurmAndSubmitsNothing() throws Exception {
        Path config = config("refused", "fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}");
        Path out = dir.resolve("refused-slurm");
        Result refused = transferlab("slurm", "submit", config.toString(), "--tasks", "2", "--out", out.toString(),
                "--data-dir", dir.toString(), "--partition", "no-such-partition", "--launcher", launcher.toString());
        assertEquals(TransferLabCommand.USER_ERROR, refused.exitCode(), refused.out());
        assertTrue(refused.out().contains("error: sbatch refused the task array (exit 1): sbatch: error: invalid partition specified: "
                + "no-such-partition"), refused.out());
        assertFalse(refused.out().contains("\tat "), "no stack trace:\n" + refused.out());
        assertFalse(Files.exists(out.resolve("shards")), "nothing ran");
        Result queue = process(List.of("squeue", "-h"), 30);
        assertEquals("", queue.out().strip(), "nothing was queued");
    }

    /** A port that is free, with the one after it free too (slurmctld's and slurmd's). */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (java.net.ServerSocket first = new java.net.ServerSocket(0)) {
                int candidate = first.getLocalPort();
                if (candidate < 65535) {
                    try (java.net.ServerSocket second = new java.net.ServerSocket(candidate + 1)) {
                        return candidate;
                    } catch (IOException taken) {
                        // Try another pair.
                    }
                }
            }
        }
        throw new IOException("no two consecutive free ports for the test cluster");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
