package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.experiments.run.CsvRows;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.StrategyBindings;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.TransferStrategy;
import org.transferlab.transfer.baseline.TargetOnly;

/**
 * A cell's source model is a stage of its own, before the fit: the harness has trained it (and written its curve
 * to the run directory) by the time the strategy starts, not from inside the strategy's call; a strategy that says
 * it reads none gets none, and one that says so and asks anyway is a failed cell that says why. The probing
 * strategy is a third-party plugin, added to the class path for this test only.
 */
class SourceModelStageTest {
    @TempDir
    Path dir;

    /** Records, when its fit starts, whether the run directory already holds a source model's learning curve. */
    public static final class Probe implements TransferStrategy<Probe.Parameters> {
        /**
         * @param declares what {@link #usesSourceModel} says
         * @param asks     whether the fit asks for the source model
         */
        public record Parameters(@Default("true") boolean declares, @Default("true") boolean asks) {
        }

        static volatile Path curves;
        static final List<Boolean> CURVE_AT_FIT = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        @Override
        public Class<Parameters> parametersType() {
            return Parameters.class;
        }

        @Override
        public boolean supports(TaskType task) {
            return task == TaskType.CLASSIFICATION;
        }

        @Override
        public boolean usesSourceModel(Parameters p) {
            return p.declares();
        }

        @Override
        public Fitted fit(Parameters p, TransferContext context) {
            CURVE_AT_FIT.add(sourceCurveExists());
            if (p.asks()) {
                context.sourceModel();
            }
            return new TargetOnly().fit(new TargetOnly.Parameters(0.01, 2, 2, 32), context);
        }

        private static boolean sourceCurveExists() {
            if (!Files.isDirectory(curves)) {
                return false;
            }
            try (Stream<Path> files = Files.list(curves)) {
                return files.anyMatch(f -> f.getFileName().toString().startsWith("source-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The module a third-party jar would list in META-INF/services. */
    public static final class ProbeModule extends AbstractModule implements TransferLabModule {
        @Override
        protected void configure() {
            StrategyBindings.strategy(binder(), "probe", Probe.class);
        }
    }

    private int run(String strategies, Path out, StringWriter err) throws Exception {
        Path config = Files.writeString(dir.resolve("study.yaml"), EndToEndTest.SYNTHETIC.replace("seeds: 2", "seeds: 1")
                .replace("""
                          target-only: {max-epochs: 4, patience: 2}
                          feature-extraction: {max-epochs: 4, patience: 2}
                          fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}
                        """, strategies)
                .replace("per-class: [5, 10]", "per-class: [5]"));
        Probe.curves = out.resolve("curves");
        Probe.CURVE_AT_FIT.clear();
        Path jar = dir.resolve("plugin");
        Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(jar.resolve("META-INF/services/" + TransferLabModule.class.getName()), ProbeModule.class.getName());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            return TransferLabCommand.execute(new String[] {"run", config.toString(), "--out", out.toString(),
                "--data-dir", dir.toString(), "--no-cache", "--workers", "1"}, new PrintWriter(new StringWriter()),
                    new PrintWriter(err, true));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void theSourceModelIsTrainedBeforeTheFitOfAStrategyThatReadsIt() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(0, run("  probe: {}\n", dir.resolve("run"), err), err.toString());
        assertEquals(List.of(true), Probe.CURVE_AT_FIT);
        List<Map<String, String>> rows = CsvRows.read(dir.resolve("run/results.csv"));
        assertEquals("true", rows.get(0).get("source_trained"));
        assertFalse(rows.get(0).get("source_val_accuracy").equals("NaN"), rows.toString());
    }

    @Test
    void aStrategyThatReadsNoSourceModelGetsNoneTrained() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(0, run("  target-only: {max-epochs: 2}\n  probe: {declares: false, asks: false}\n", dir.resolve("run"), err),
                err.toString());
        assertFalse(err.toString().contains("training the source model"), err.toString());
        assertEquals(List.of(false), Probe.CURVE_AT_FIT);
    }

    @Test
    void aStrategyThatSaysItReadsNoneAndAsksIsAFailedCellThatSaysWhy() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(TransferLabCommand.SOME_CELLS_FAILED, run("  probe: {declares: false}\n", dir.resolve("run"), err),
                err.toString());
        assertTrue(err.toString().contains("strategy 'probe' says it reads no source model with these parameters "
                + "(usesSourceModel), but asked for one"), err.toString());
    }
}
