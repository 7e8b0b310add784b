package org.transferlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.loader.fashion.FashionMnistFiles;
import org.transferlab.core.plugin.PluginName;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.reproduce.Claim;
import org.transferlab.experiments.reproduce.Findings;
import org.transferlab.experiments.reproduce.Reproduction;
import org.transferlab.experiments.reproduce.ReproductionBindings;
import org.transferlab.experiments.reproduce.ReproductionContext;

/**
 * The contract every paper reproduction meets (see {@link Reproduction}), for a plugin's own tests: extend this
 * class in your test sources and return your reproduction; to also run it, return settings small enough for a
 * test from {@link #tinySettings()} and write the data they read in {@link #writeData}.
 *
 * <pre>{@code
 * class MyPaperContractTest extends ReproductionContract {
 *     protected Reproduction<?> reproduction() { return new MyPaper2024(); }
 *     protected Optional<Record> tinySettings() { return Optional.of(new MyPaper2024.Settings(1, 20)); }
 * }
 * }</pre>
 *
 * <p>The checks: the name is kebab-case and the reproduction is registered under it by a {@code TransferLabModule}
 * on the class path; the paper is cited; {@code settings(QUICK)} and {@code settings(FULL)} exist, are of one
 * record type and differ. With tiny settings, the reproduction runs in a temporary folder with one thread and
 * returns findings whose every claim has our number, a verdict and the rule behind it, and every figure its
 * body links is a file it wrote.
 */
public abstract class ReproductionContract {
    private static final Pattern FIGURE = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)");

    // Not private: JUnit injects it; a subclass writes its files through writeData's argument.
    @TempDir
    Path folder;

    /** The reproduction under test. */
    protected abstract Reproduction<?> reproduction();

    /** Settings of the reproduction's own record type that run in seconds; empty (the default) skips the run. */
    protected Optional<Record> tinySettings() {
        return Optional.empty();
    }

    /** Writes the data the tiny run reads into {@code dataDirectory}; nothing by default. */
    protected void writeData(Path dataDirectory) throws IOException {
    }

    /** Where the tiny run finds Fashion-MNIST: by default only under {@code dataDirectory/fashion-mnist}, unverified. */
    protected FashionMnistFiles fashionMnist() {
        return new FashionMnistFiles(List.of(), Optional.empty(), Map.of());
    }

    @Test
    public void isRegisteredUnderItsKebabCaseName() {
        Reproduction<?> reproduction = reproduction();
        String name = reproduction.name();
        assertEquals(name, PluginName.requireKebabCase(name));
        PluginRegistry<Reproduction<?>> registry = ReproductionBindings.registry(Plugins.discover());
        assertTrue(registry.contains(name), "no reproduction is registered under '" + name + "'; registered: " + registry.names());
        assertSame(reproduction.getClass(), registry.get(name).getClass(), "'" + name + "' is registered to another class");
    }

    @Test
    public void citesItsPaperAndHasQuickAndFullSettings() {
        Reproduction<?> reproduction = reproduction();
        assertFalse(reproduction.paper() == null || reproduction.paper().isBlank(), reproduction.name() + ": no paper");
        Record quick = reproduction.settings(Reproduction.Mode.QUICK);
        Record full = reproduction.settings(Reproduction.Mode.FULL);
        assertTrue(quick != null && full != null, reproduction.name() + ": settings(QUICK) and settings(FULL) are required");
        assertSame(quick.getClass(), full.getClass(), reproduction.name() + ": one settings record for both sizes");
        assertFalse(quick.equals(full), reproduction.name() + ": the quick size is the full size");
    }

    @Test
    public void runsAtTinySettingsAndChecksEveryClaimItReports() throws IOException {
        Optional<Record> tiny = tinySettings();
        assumeTrue(tiny.isPresent(), "no tiny settings to run");
        Path data = Files.createDirectories(folder.resolve("data"));
        Path output = Files.createDirectories(folder.resolve("output"));
        writeData(data);
        Findings findings = run(reproduction(), tiny.get(), new ReproductionContext(output, data, fashionMnist(), 1, message -> { }));
        String name = reproduction().name();
        assertFalse(findings.protocol().isBlank(), name + ": the findings state no protocol");
        for (Claim claim : findings.claims()) {
            assertFalse(claim.statement().isBlank() || claim.paper().isBlank(), name + ": claim " + claim.id() + " states no claim");
            assertFalse(claim.ours().isBlank(), name + ": claim " + claim.id() + " reports no number of this run");
            assertFalse(claim.rule().isBlank(), name + ": claim " + claim.id() + " does not say how its verdict was decided");
        }
        Matcher figures = FIGURE.matcher(findings.body());
        while (figures.find()) {
            Path figure = output.resolve(figures.group(1));
            assertTrue(Files.isRegularFile(figure) && Files.size(figure) > 0, name + ": the body links " + figures.group(1)
                    + ", which the run did not write");
        }
    }

    @SuppressWarnings("unchecked")
    private static <S extends Record> Findings run(Reproduction<S> reproduction, Record settings, ReproductionContext context) {
        Class<?> expected = reproduction.settings(Reproduction.Mode.QUICK).getClass();
        assertSame(expected, settings.getClass(), "tinySettings() must be a " + expected.getName());
        Findings findings = reproduction.run((S) settings, context);
        assertTrue(findings != null, reproduction.name() + " returned no findings");
        return findings;
    }
}
