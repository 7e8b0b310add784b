package org.transferlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.report.ComparisonTable;
import org.transferlab.experiments.report.ForecastTable;
import org.transferlab.experiments.report.Provenance;
import org.transferlab.experiments.report.ReportWriter;
import org.transferlab.experiments.run.ForecastRunner;
import org.transferlab.experiments.run.RunDirectory;
import org.transferlab.experiments.run.Shard;
import org.transferlab.experiments.run.SourceModelStore;
import org.transferlab.experiments.run.StudyProvenance;
import org.transferlab.experiments.run.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the cells of a study that are not finished yet, then writes results.csv and report.md. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs every cell of a study that is not finished yet and writes results.csv, report.md and curves/.",
            "Re-running the same command after an interruption runs only the unfinished cells."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    private StudyOptions options = new StudyOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "the run directory (default: runs/NAME, or runs/NAME-shard-I-of-N)")
    private Path out;

    @Option(names = "--workers", paramLabel = "N",
            description = "cells run in parallel (default: one per core, each with one ND4J thread)")
    private Integer workers;

    @Option(names = "--nd4j-threads", paramLabel = "N", defaultValue = "1",
            description = "native threads per worker, capped so that workers x threads <= cores (default: 1, fastest on 2 cores)")
    private int nd4jThreads;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only shard I (0-based) of N; merge the shards with 'merge'")
    private String shard;

    @Mixin
    private CacheOptions cache = new CacheOptions();

    @Option(names = "--allow-changed-config",
            description = "add this config's cells to a run directory made from a different config")
    private boolean allowChangedConfig;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ExperimentConfig config = options.load();
        Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
        Path target = out != null ? out : Path.of("runs", config.settings().name()
                + (part.count() == 1 ? "" : "-shard-" + part.index() + "-of-" + part.count()));
        int threads = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new org.transferlab.core.TransferLabException("--workers must be at least 1, got " + threads);
        }
        // Workers times ND4J threads must not exceed the cores: on 2 cores one ND4J thread per process beat
        // two (shared/STACK.md), and two workers each spawning threads would oversubscribe them.
        int nativeThreads = Math.max(1, Math.min(nd4jThreads, Runtime.getRuntime().availableProcessors() / threads));
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(nativeThreads);
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(nativeThreads);
        java.util.function.Consumer<String> progress = message -> {
            synchronized (stderr) {
                stderr.println(message);
                stderr.flush();
            }
        };
        SourceModelStore store = cache.store(progress);
        StudyRunner runner = new StudyRunner(options.dataDirectory(config), progress, store);
        StudyRunner.Prepared study = runner.prepare(config);
        try (RunDirectory run = RunDirectory.open(target, config.text(), config.digest(), allowChangedConfig)) {
            run.interruptedRun().ifPresent(holder -> progress.accept("note: the last run in " + run.path() + " (" + holder
                    + ") ended without finishing; its committed cells are kept"));
            // Before any cell: a forecast made after seeing results would prove nothing.
            Runnable forecast = () -> {
                if (config.settings().forecast() && !java.nio.file.Files.exists(run.path().resolve(ForecastTable.FILE))) {
                    run.write(ForecastTable.FILE, ForecastTable.csv(new ForecastRunner(store, progress).forecast(study,
                            ForecastCommand.scores())));
                }
            };
            return runLocked(config, study, run, runner, part, threads, nativeThreads, forecast, stdout, stderr);
        }
    }

    private int runLocked(ExperimentConfig config, StudyRunner.Prepared study, RunDirectory run, StudyRunner runner, Shard part,
                          int threads, int nativeThreads, Runnable forecast, PrintWriter stdout, PrintWriter stderr) {
        long start = System.nanoTime();
        StudyRunner.Outcome outcome;
        try {
            run.write(Provenance.FILE, Provenance.csv(Provenance.environment(StudyOptions.home()),
                    StudyProvenance.domains(study), StudyProvenance.models(config)));
            forecast.run();
            outcome = runner.run(study, run, part, threads);
        } catch (RuntimeException e) {
            int kept = run.finished().size();
            run.removeIfNothingFinished();
            if (kept > 0) {
                stderr.println(kept + " finished cells are kept in " + run.path() + "; re-run the same command to run the rest");
            }
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String command = "./transferlab run " + options.config + (out != null ? " --out " + out : "")
                + (shard != null ? " --shard " + shard : "");
        ComparisonTable table = ReportWriter.write(study.grid(), run, command, TaskMetrics.of(config.task()).primary());
        stdout.println();
        stdout.println(table.markdown());
        stdout.printf("%d cells run (%d already finished) in %.1f s with %d workers of %d ND4J threads; source models: "
                        + "%d trained, %d loaded from the cache, %d read from model files, %d reuses; target embeddings: "
                        + "%d computed, %d reuses%n",
                outcome.cellsRun(), outcome.cellsSkipped(), seconds, threads, nativeThreads, outcome.sourceModelsTrained(),
                outcome.sourceModelsLoaded(), outcome.sourceModelsFromFiles(), outcome.sourceModelsReused(), outcome.embeddingsComputed(), outcome.embeddingsReused());
        stdout.println("results: " + run.path().resolve("results.csv"));
        stdout.println("report:  " + run.path().resolve("report.md"));
        if (!outcome.failedCells().isEmpty()) {
            stderr.println(outcome.failedCells().size() + " cells failed; their errors are in " + run.path().resolve("cells")
                    + " (*.failed.txt) and the report; re-run the same command to retry them:");
            outcome.failedCells().forEach(message -> stderr.println("  " + message));
            return TransferLabCommand.SOME_CELLS_FAILED;
        }
        return 0;
    }
}
