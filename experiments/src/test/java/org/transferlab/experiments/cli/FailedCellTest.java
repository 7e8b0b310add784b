package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

/**
 * A cell that throws is recorded as failed, the other cells go on, the exit code says so, and a
 * re-run retries exactly the failed cells. The failing strategy is a third-party plugin, added to the
 * class path for this test only.
 */
class FailedCellTest {
    @TempDir
    Path dir;

    /** Diverges on budgets below {@code fails-below}, like a learning rate too high for tiny batches. */
    public static final class Diverging implements TransferStrategy<Diverging.Parameters> {
        public record Parameters(@Default("10") int failsBelow) {
        }

        static volatile boolean healed;

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
            if (!healed && context.budget().budgetSize() < p.failsBelow() * context.classCount()) {
                throw new IllegalStateException("training diverged: loss NaN at epoch 3");
            }
            return new org.transferlab.transfer.baseline.TargetOnly().fit(
                    new org.transferlab.transfer.baseline.TargetOnly.Parameters(0.01, 3, 2, 32), context);
        }
    }

    /** The module a third-party jar would list in META-INF/services. */
    public static final class DivergingModule extends AbstractModule implements TransferLabModule {
        @Override
        protected void configure() {
            StrategyBindings.strategy(binder(), "diverging", Diverging.class);
        }
    }

    private int run(Path config, Path out, StringWriter err) throws Exception {
        Path jar = dir.resolve("plugin");
        Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(jar.resolve("META-INF/services/" + TransferLabModule.class.getName()), DivergingModule.class.getName());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            return TransferLabCommand.execute(new String[] {"run", config.toString(), "--out", out.toString(),
                "--data-dir", dir.toString(), "--no-cache"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void aFailingCellIsRecordedTheOthersGoOnAndARerunRetriesIt() throws Exception {
        Path config = Files.writeString(dir.resolve("study.yaml"), EndToEndTest.SYNTHETIC
                .replace("  feature-extraction: {max-epochs: 4, patience: 2}\n", "  diverging: {}\n")
                .replace("  fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}\n", ""));
        Path out = dir.resolve("run");
        StringWriter err = new StringWriter();
        Diverging.healed = false;
        assertEquals(TransferLabCommand.SOME_CELLS_FAILED, run(config, out, err), err.toString());
        assertTrue(err.toString().contains("2 cells failed"), err.toString());
        assertTrue(err.toString().contains("diverging · 5/class · seed 0: training diverged: loss NaN at epoch 3"), err.toString());

        List<Map<String, String>> rows = CsvRows.read(out.resolve("results.csv"));
        assertEquals(6, rows.size(), "the 8 cells but the 2 failed ones");
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("## Failed cells"), report);
        assertTrue(report.contains("training diverged"), report);
        assertTrue(report.contains("cells: 6 of 8"), report);

        Diverging.healed = true;
        StringWriter retry = new StringWriter();
        assertEquals(0, run(config, out, retry), retry.toString());
        assertTrue(retry.toString().contains("6 of 8 cells already finished"), retry.toString());
        assertEquals(8, CsvRows.read(out.resolve("results.csv")).size());
        assertTrue(!Files.readString(out.resolve("report.md")).contains("## Failed cells"), "retried cells succeeded");
    }
}
