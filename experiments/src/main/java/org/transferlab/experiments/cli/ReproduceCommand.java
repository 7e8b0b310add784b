package org.transferlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.loader.fashion.FashionMnistFiles;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.reproduce.Claim;
import org.transferlab.experiments.reproduce.Invocation;
import org.transferlab.experiments.reproduce.Reproduction;
import org.transferlab.experiments.reproduce.ReproductionBindings;
import org.transferlab.experiments.reproduce.ReproductionRunner;
import org.transferlab.experiments.reproduce.SettingsOverrides;
import org.transferlab.experiments.report.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Re-runs a published result and writes results/NAME with its report, tables and figures. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduces a published result and writes RESULTS/NAME: report.md (each claim of the paper, "
                + "its number and ours), the CSV tables and the figures (PNG and SVG).",
            "Without --full it runs a quick version that fits a 2-core machine; the report says what was subsampled."})
final class ReproduceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "the reproduction (see the error for the known names)")
    private String name;

    @Option(names = "--full", description = "the paper's protocol and data size (hours on a 2-core machine)")
    private boolean full;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "where the NAME folder is written (default: results)")
    private Path out;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where data sets live (default: $TRANSFERLAB_DATA, else data/)")
    private Path dataDir;

    @Option(names = "--threads", paramLabel = "N", description = "threads the reproduction may use (default: one per core)")
    private Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "replaces one setting of the quick or --full protocol "
            + "(YAML value, e.g. --set models=[knn,mlp] --set runs=2); the report lists the settings as run")
    private java.util.List<String> overrides = new java.util.ArrayList<>();

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        PluginRegistry<Reproduction<?>> registry = ReproductionBindings.registry(Plugins.discover());
        Reproduction<?> reproduction = registry.get(name);
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = threads != null ? threads : cores;
        if (workers < 1) {
            throw new TransferLabException("--threads must be at least 1, got " + workers);
        }
        // One ND4J thread per network: on 2 cores that was fastest (shared/STACK.md); parallelism comes from workers.
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(1);
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(1);
        String command = "./transferlab reproduce " + name + (full ? " --full" : "")
                + overrides.stream().map(o -> " --set " + o).collect(java.util.stream.Collectors.joining())
                + (out.equals(Path.of("results")) ? "" : " --out " + out) + (threads != null ? " --threads " + threads : "");
        Reproduction.Mode mode = full ? Reproduction.Mode.FULL : Reproduction.Mode.QUICK;
        ReproductionRunner runner = new ReproductionRunner(out, dataDirectory(), FashionMnistFiles.standard(), workers,
                message -> {
                    synchronized (stderr) {
                        stderr.println(message);
                        stderr.flush();
                    }
                });
        ReproductionRunner.Outcome outcome = run(runner, reproduction, mode, overrides,
                new Invocation(command, mode.name().toLowerCase(Locale.ROOT), Provenance.environment(StudyOptions.home())));
        stdout.printf(Locale.ROOT, "%s reproduced in %.0f s:%n", name, outcome.wallSeconds());
        for (Claim claim : outcome.findings().claims()) {
            stdout.printf("  (%s) %s: %s (paper: %s; ours: %s)%n", claim.id(), claim.statement(), claim.verdict().label(),
                    claim.paper(), claim.ours());
        }
        stdout.println("report: " + outcome.folder().resolve(ReproductionRunner.REPORT));
        return 0;
    }

    private static <S extends Record> ReproductionRunner.Outcome run(ReproductionRunner runner, Reproduction<S> reproduction,
                                                                     Reproduction.Mode mode, java.util.List<String> overrides,
                                                                     Invocation invocation) {
        return runner.run(reproduction, SettingsOverrides.apply(reproduction.settings(mode), overrides), invocation);
    }

    private Path dataDirectory() {
        if (dataDir != null) {
            return dataDir;
        }
        String fromEnvironment = System.getenv("TRANSFERLAB_DATA");
        return Path.of(fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "data");
    }
}
