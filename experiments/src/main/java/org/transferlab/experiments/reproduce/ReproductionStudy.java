package org.transferlab.experiments.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.DomainEntry;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.report.ReportWriter;
import org.transferlab.experiments.run.ResultsCsv;
import org.transferlab.experiments.run.RunDirectory;
import org.transferlab.experiments.run.RunLock;
import org.transferlab.experiments.run.Shard;
import org.transferlab.experiments.run.SourceModelStore;
import org.transferlab.experiments.run.StoredResult;
import org.transferlab.experiments.run.StudyRunner;

/**
 * Runs one study config of a reproduction through the ordinary harness ({@link StudyRunner}: every loader's test
 * partition sealed and proved disjoint, budgets drawn once, the paired no-transfer baselines, the result store) into
 * a folder of the reproduction's output, writes the study's own report beside it, and returns the stored results
 * that the reproduction's claims are checked against. The folder keeps the config ({@code config.yaml}), the
 * results, the report and its plots; the per-cell records and curves, which repeat {@code results.csv}, are left out
 * of what is published.
 */
public final class ReproductionStudy {
    private ReproductionStudy() {
    }

    /**
     * @param yaml   the study config's text
     * @param folder the folder under the reproduction's output, also the config's file name ({@code folder.yaml})
     * @param name   the reproduction's name, for the report's command line
     */
    public static List<StoredResult> run(String yaml, String folder, String name, Plugins plugins, ReproductionContext context) {
        ExperimentConfig config = withFashionFiles(new ConfigLoader(plugins).parse(folder + ".yaml", yaml), context);
        StudyRunner runner = new StudyRunner(context.dataDirectory(), context.progress(), SourceModelStore.disabled());
        StudyRunner.Prepared study = runner.prepare(config);
        RunDirectory run = RunDirectory.open(context.output().resolve(folder), config.text(), config.digest(), false);
        StudyRunner.Outcome outcome = runner.run(study, run, Shard.ALL, context.threads());
        if (!outcome.failedCells().isEmpty()) {
            throw new IllegalStateException(folder + " study: " + outcome.failedCells().size() + " cells failed, first: "
                    + outcome.failedCells().get(0));
        }
        ReportWriter.write(study.grid(), run, "./transferlab reproduce " + name + " (its " + folder + " study)",
                TaskMetrics.of(config.task()).primary());
        run.close();
        List<StoredResult> rows = ResultsCsv.read(run.path().resolve("results.csv"));
        delete(run.path().resolve("cells"));
        delete(run.path().resolve("curves"));
        delete(run.path().resolve(RunLock.FILE));
        return rows;
    }

    /** Fashion-MNIST domains read through the context's files (fixtures in tests, the installed data otherwise). */
    private static ExperimentConfig withFashionFiles(ExperimentConfig config, ReproductionContext context) {
        FashionMnistLoader loader = new FashionMnistLoader(context.fashionMnist());
        Map<String, DomainEntry> domains = new LinkedHashMap<>();
        config.domains().forEach((domain, entry) -> domains.put(domain, entry.loaderName().equals(FashionMnistLoader.NAME)
                ? new DomainEntry(entry.name(), entry.loaderName(), loader, entry.parameters(), entry.line()) : entry));
        return new ExperimentConfig(config.file(), config.text(), config.settings(), domains, config.models(), config.pairs(),
                config.network(), config.strategies(), config.budgets(), config.selection());
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.reverse(all);
            for (Path path : all) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
