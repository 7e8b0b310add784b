package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.core.data.Domain;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.experiments.run.CsvRows;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceTrainer;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * The input scaling of a cached source model. The good case: a cached tabular source model reloads with the
 * statistics it was trained with. The bad ones, in the style of {@link BadInputCorpusTest}: an entry whose
 * scaling is missing, damaged or not the one its source is trained with is reported, deleted and retrained to
 * the same results.
 */
class InputScalingCacheTest {
    /** A tabular study with a network transferred from the source. */
    static final String STUDY = BadInputCorpusTest.STUDY;

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

    /** A run of {@link #STUDY} with an empty cache: its results and the cache entry it left. */
    @TempDir
    static Path pristine;
    private static List<Map<String, String>> reference;

    @BeforeAll
    static void fillTheCache() throws IOException {
        reference = BadInputCorpusTest.runWithEmptyCache(pristine);
    }

    @Test
    void aCachedTabularSourceModelReloadsWithTheStatisticsItWasTrainedWith() throws IOException {
        Path zip = entry(pristine.resolve("cache"));
        String stored = scaling(zip);
        // The same source model, trained again here: the cache entry holds exactly its statistics.
        Domain source = new SyntheticLoader().load("src", new SyntheticLoader.Parameters(
                org.transferlab.core.data.TaskType.CLASSIFICATION, 3, 4, 60, 30, 2, 1, 0, 1, 2, 3), LoadContext.of(pristine));
        long seed = Long.parseLong(CsvRows.read(pristine.resolve("run/results.csv")).get(0).get("source_seed"));
        NetworkSpec network = new NetworkSpec(NetworkSpec.Type.MLP, List.of(4), List.of(20, 50), 1, 64, 0.001, 1);
        InputScaling trained = SourceTrainer.train(source, network, seed, TrainingLog.NONE).inputScaling();
        assertTrue(trained.standardises(), "a tabular source is standardised");
        assertEquals(trained.text(), stored);

        Path config = Files.writeString(dir.resolve("study.yaml"), STUDY);
        Result again = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", dir.toString(),
                "--cache-dir", pristine.resolve("cache").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("source models: 0 trained, 1 loaded from the cache"), again.out());
        assertEquals(reference, RunLifecycleTest.results(dir.resolve("run")), "the reloaded statistics give the same results");
        String provenance = Files.readString(dir.resolve("run/provenance.csv"));
        assertTrue(provenance.contains("domain src@all,model-input-scaling,\"standardised per feature"), provenance);
    }

    /**
     * @param name    what is wrong with the entry's scaling
     * @param rewrite the entry's new scaling text, given the one it had; null removes it
     * @param why     the reason the warning must give
     */
    record ScalingCase(String name, Function<String, String> rewrite, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ScalingCase> scalings() {
        return Stream.of(
                new ScalingCase("a model zip without its input scaling", text -> null,
                        "its input scaling is unreadable (the zip has no transferlab-input-scaling.properties)"),
                new ScalingCase("statistics cut short", text -> text.replaceFirst("(\nsd=[^,]*),", "$1"),
                        "its input scaling is unreadable (sd has 3 values, expected 4)"),
                new ScalingCase("a standard deviation of zero", text -> text.replaceFirst("\nsd=[^,]*,", "\nsd=0,"),
                        "its input scaling is unreadable (feature 0: mean "),
                new ScalingCase("no scaling for a tabular source", text -> InputScaling.NONE.text(),
                        "its input scaling (input scaling: none (image pixels as loaded)) is not the one a source of 4 tabular "
                                + "features is trained with"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalings")
    void aBadScalingInACachedModelIsReportedDeletedAndRetrainedToTheSameResults(ScalingCase bad) throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        try (Stream<Path> entries = Files.list(pristine.resolve("cache"))) {
            for (Path entry : entries.toList()) {
                Files.copy(entry, cache.resolve(entry.getFileName()));
            }
        }
        Path zip = entry(cache);
        String replaced = bad.rewrite().apply(scaling(zip));
        try (FileSystem files = FileSystems.newFileSystem(zip)) {
            Path entry = files.getPath("transferlab-input-scaling.properties");
            if (replaced == null) {
                Files.delete(entry);
            } else {
                Files.writeString(entry, replaced, StandardCharsets.UTF_8);
            }
        }
        // The checksum is made to match, so only the scaling itself is wrong.
        Path properties = Path.of(zip.toString().replace(".zip", ".properties"));
        Files.writeString(properties, Files.readString(properties).replaceAll("zip-sha256=\\w+",
                "zip-sha256=" + BadInputCorpusTest.sha256(Files.readAllBytes(zip))));

        Path config = Files.writeString(dir.resolve("study.yaml"), STUDY);
        Result result = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", dir.toString(),
                "--cache-dir", cache.toString());
        assertEquals(0, result.exitCode(), result.err());
        String warning = result.err().lines().filter(l -> l.startsWith("warning: cached source model")).findFirst().orElse("");
        String prefix = "warning: cached source model " + zip + " is unusable: " + bad.why();
        assertTrue(warning.startsWith(prefix) && warning.endsWith("; deleting it and retraining"),
                "expected '" + prefix + "...; deleting it and retraining' in:\n" + result.err());
        assertTrue(result.out().contains("source models: 1 trained, 0 loaded from the cache"), result.out());
        assertEquals(reference, RunLifecycleTest.results(dir.resolve("run")), "retrained to the same results");
        assertEquals(scaling(entry(pristine.resolve("cache"))), scaling(zip), "the entry was stored again, with its scaling");
        BadInputCorpusTest.assertNoTemporaryFiles(dir);
    }

    private static Path entry(Path cache) throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
    }

    private static String scaling(Path zip) throws IOException {
        try (FileSystem files = FileSystems.newFileSystem(zip);
             InputStream in = Files.newInputStream(files.getPath("transferlab-input-scaling.properties"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
