package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.experiments.run.CsvRows;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.StrategyBindings;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.TransferStrategy;
import org.transferlab.transfer.baseline.TargetOnly;
import org.transferlab.transfer.selection.ValidationInputs;
import org.transferlab.transfer.selection.Validator;
import org.transferlab.transfer.selection.ValidatorBindings;

/**
 * Through the whole harness, on worker threads: a strategy that opens the target's test partition
 * while fitting (here, through a copy of the domain it loads itself, since the context holds no test
 * data) fails, whether it is the only candidate or one candidate of a model selection whose other
 * candidate is honest; the same strategy left honest runs and is evaluated. The strategy is a
 * third-party plugin, added to the class path for this test only.
 */
class SealedTestPartitionTest {
    @TempDir
    Path dir;

    /** The target of the study below, as the peeking strategy re-creates it. */
    private static final SyntheticLoader.Parameters TARGET = new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 8, 300,
            90, 2, 1, 0.5, 1, 2, 9);

    /**
     * Target-only training that, when {@code peek} is set, first loads the target domain itself and
     * opens its test partition, as a strategy tuning on test data would.
     */
    public static final class Peeking implements TransferStrategy<Peeking.Parameters> {
        /** @param peek whether to open the target's test partition while fitting */
        public record Parameters(@Default("false") boolean peek) {
        }

        @Override
        public Class<Parameters> parametersType() {
            return Parameters.class;
        }

        @Override
        public boolean supports(TaskType task) {
            return task == TaskType.CLASSIFICATION;
        }

        @Override
        public Fitted fit(Parameters p, TransferContext context) {
            if (p.peek()) {
                Domain copy = new SyntheticLoader().load("tgt", TARGET, LoadContext.of(Path.of(".")));
                copy.test().open();
            }
            return new TargetOnly().fit(new TargetOnly.Parameters(0.01, 3, 2, 32), context);
        }
    }

    /** The module a third-party jar would list in META-INF/services. */
    public static final class PeekingModule extends AbstractModule implements TransferLabModule {
        @Override
        protected void configure() {
            StrategyBindings.strategy(binder(), "peeking", Peeking.class);
        }
    }

    /** A validator that opens the target's test partition, through a copy of the domain it loads itself. */
    public static final class PeekingValidator implements Validator {
        @Override
        public String description() {
            return "peeks";
        }

        @Override
        public boolean readsSource() {
            return false;
        }

        @Override
        public double score(ValidationInputs inputs) {
            new SyntheticLoader().load("tgt", TARGET, LoadContext.of(Path.of("."))).test().open();
            return 0;
        }
    }

    /** Registers {@link PeekingValidator}. */
    public static final class PeekingValidatorModule extends AbstractModule implements TransferLabModule {
        @Override
        protected void configure() {
            ValidatorBindings.validator(binder(), "peeking", PeekingValidator.class);
        }
    }

    @Test
    void aValidatorThatOpensTheTestPartitionFailsTheCellsItScores() throws Exception {
        Path config = Files.writeString(dir.resolve("validators.yaml"), """
                name: sealed-validators
                seeds: 1
                domains:
                  src: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90}
                  tgt: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90, shift: 0.5, sample-seed: 9}
                pairs:
                  - {source: src, target: tgt}
                network: {type: mlp, hidden: [8], epochs: 1, batch-size: 32, learning-rate: 0.01}
                strategies:
                  target-only: {max-epochs: 2, patience: 2}
                  target-only@searched: {max-epochs: 2, patience: 2, learning-rate: [0.001, 0.01]}
                budgets:
                  per-class: [5]
                """);
        Path jar = dir.resolve("validator-plugin");
        Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(jar.resolve("META-INF/services/" + TransferLabModule.class.getName()), PeekingValidatorModule.class.getName());
        StringWriter err = new StringWriter();
        int code;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            code = TransferLabCommand.execute(new String[] {"run", config.toString(), "--out", dir.resolve("validators").toString(),
                "--data-dir", dir.toString(), "--no-cache"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertEquals(TransferLabCommand.SOME_CELLS_FAILED, code, err.toString());
        assertTrue(err.toString().contains("src → tgt · target-only@searched · 5/class · seed 0: the test partition of domain 'tgt' "
                + "was opened while fitting the validators of src → tgt · target-only@searched · 5/class · seed 0 candidate 1/2"),
                err.toString());
        List<String> kept = CsvRows.read(dir.resolve("validators/results.csv")).stream().map(r -> r.get("strategy")).toList();
        assertEquals(List.of("target-only"), kept, "a cell with one candidate asks no validator");
    }

    @Test
    void aStrategyThatOpensTheTestPartitionFailsAloneOrAsOneCandidateOfASelection() throws Exception {
        Path config = Files.writeString(dir.resolve("study.yaml"), """
                name: sealed
                seeds: 1
                domains:
                  src: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90}
                  tgt: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90, shift: 0.5, sample-seed: 9}
                pairs:
                  - {source: src, target: tgt}
                network: {type: mlp, hidden: [8], epochs: 1, batch-size: 32, learning-rate: 0.01}
                strategies:
                  peeking@honest: {peek: false}
                  peeking@cheat: {peek: true}
                  peeking@select: {peek: [false, true]}
                budgets:
                  per-class: [5]
                """);
        Path jar = dir.resolve("plugin");
        Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(jar.resolve("META-INF/services/" + TransferLabModule.class.getName()), PeekingModule.class.getName());
        StringWriter err = new StringWriter();
        int code;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            code = TransferLabCommand.execute(new String[] {"run", config.toString(), "--out", dir.resolve("run").toString(),
                "--data-dir", dir.toString(), "--no-cache", "--workers", "2"}, new PrintWriter(new StringWriter()),
                    new PrintWriter(err, true));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }

        assertEquals(TransferLabCommand.SOME_CELLS_FAILED, code, err.toString());
        for (String variant : List.of("peeking@cheat", "peeking@select")) {
            assertTrue(err.toString().contains("src → tgt · " + variant + " · 5/class · seed 0: the test partition of domain 'tgt' "
                    + "was opened while fitting strategy '" + variant + "'; fitting and model selection may use only the label "
                    + "budget's train and validation data"), err.toString());
        }
        Map<String, Map<String, String>> rows = CsvRows.read(dir.resolve("run/results.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("strategy"), r -> r));
        assertEquals(List.of("peeking@honest"), List.copyOf(rows.keySet()), "only the honest cell has a result");
        assertEquals("ok", rows.get("peeking@honest").get("status"));
        assertEquals("90", rows.get("peeking@honest").get("test_size"), "the harness opened the test partition to evaluate it");
        String report = Files.readString(dir.resolve("run/report.md"));
        assertTrue(report.contains("## Failed cells"), report);
        assertFalse(report.contains("| 5/class | peeking@cheat |"), "no number for a strategy that peeked");
    }
}
