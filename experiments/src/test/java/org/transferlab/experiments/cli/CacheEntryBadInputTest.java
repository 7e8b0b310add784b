package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.experiments.cli.BadInputCorpusTest.Result;

/**
 * The bad-input corpus of the source-model cache, beside {@link BadInputCorpusTest}: a cache entry that is
 * truncated, of another version, altered or half missing is reported, deleted and retrained, and the run's
 * results equal those of a run with a clean cache.
 */
class CacheEntryBadInputTest {
    private static final String STUDY = BadInputCorpusTest.STUDY;

    @TempDir
    Path dir;

    /** A run of {@link #STUDY} with an empty cache: its results, and the cache entry it left. */
    @TempDir
    static Path pristine;
    private static List<java.util.Map<String, String>> reference;

    @org.junit.jupiter.api.BeforeAll
    static void fillTheCache() throws IOException {
        reference = BadInputCorpusTest.runWithEmptyCache(pristine);
    }

    /**
     * @param name     what is wrong with the cache entry
     * @param corrupt  breaks the entry, given its zip and properties files
     * @param why      the reason the warning must give, given the entry's zip
     */
    record CacheCase(String name, CacheCorruption corrupt, Function<Path, String> why) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface CacheCorruption {
        void apply(Path zip, Path properties) throws IOException;
    }

    static Stream<CacheCase> cacheEntries() {
        return Stream.of(
                new CacheCase("a truncated model zip whose recorded checksum matches it", (zip, properties) -> {
                    byte[] bytes = Files.readAllBytes(zip);
                    byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
                    Files.write(zip, cut);
                    Files.writeString(properties, Files.readString(properties).replaceAll("zip-sha256=\\w+", "zip-sha256=" + sha256(cut)));
                }, zip -> "it cannot be read ("),
                new CacheCase("an entry written by another version", (zip, properties) -> Files.writeString(properties,
                        Files.readString(properties).replace("transferlab-source-model-v2", "transferlab-source-model-v0")),
                        zip -> "written by another version (transferlab-source-model-v0, expected transferlab-source-model-v2)"),
                new CacheCase("an entry whose content hash does not match", (zip, properties) -> {
                    byte[] bytes = Files.readAllBytes(zip);
                    bytes[bytes.length / 2] ^= 1;
                    Files.write(zip, bytes);
                }, zip -> {
                    try {
                        return "its model zip has SHA-256 " + sha256(Files.readAllBytes(zip)) + ", expected "
                                + sha256(Files.readAllBytes(pristine.resolve("cache").resolve(zip.getFileName())));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }),
                new CacheCase("an entry whose model zip is missing", (zip, properties) -> Files.delete(zip),
                        zip -> "it cannot be read (java.nio.file.NoSuchFileException: " + zip + ")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cacheEntries")
    void aBadCacheEntryIsReportedDeletedAndRetrainedToTheSameResults(CacheCase bad) throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        try (Stream<Path> entries = Files.list(pristine.resolve("cache"))) {
            for (Path entry : entries.toList()) {
                Files.copy(entry, cache.resolve(entry.getFileName()));
            }
        }
        Path zip;
        try (Stream<Path> entries = Files.list(cache)) {
            zip = entries.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Path properties = Path.of(zip.toString().replace(".zip", ".properties"));
        bad.corrupt().apply(zip, properties);
        String why = bad.why().apply(zip);

        Path config = Files.writeString(dir.resolve("study.yaml"), STUDY);
        Result result = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", dir.toString(),
                "--cache-dir", cache.toString());
        assertEquals(0, result.exitCode(), result.err());
        String warning = result.err().lines().filter(l -> l.startsWith("warning: cached source model")).findFirst().orElse("");
        String prefix = "warning: cached source model " + zip + " is unusable: " + why;
        assertTrue(warning.startsWith(prefix) && warning.endsWith("; deleting it and retraining"),
                "expected '" + prefix + "...; deleting it and retraining' in:\n" + result.err());
        assertTrue(result.out().contains("source models: 1 trained, 0 loaded from the cache"), result.out());
        assertEquals(reference, RunLifecycleTest.results(dir.resolve("run")), "retrained to the same results");
        java.util.Properties entry = new java.util.Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            entry.load(in);
        }
        assertEquals(sha256(Files.readAllBytes(zip)), entry.getProperty("zip-sha256"), "the entry was stored again, whole");
        assertNoTemporaryFiles(dir);
    }

    private static Result cli(String... args) {
        return BadInputCorpusTest.cli(args);
    }

    private static String sha256(byte[] bytes) {
        return BadInputCorpusTest.sha256(bytes);
    }

    private static void assertNoTemporaryFiles(Path root) throws IOException {
        BadInputCorpusTest.assertNoTemporaryFiles(root);
    }
}
