package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.LoaderBindings;
import org.transferlab.core.loader.csv.CsvLoader;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.StudyRunner;

/**
 * No source example in a target's test partition, through the real command line: configurations
 * that would leak are refused before anything trains or is written (exit 2, an error naming both
 * domains, how many examples they share and where from, and what to change), and those that do not
 * are split correctly and proven disjoint. Built-in loaders are refused from the config alone when two
 * domains would split one file differently, and by the examples' identities when only the data shows
 * it (a copy of a file); a third-party loader, added to the class path for the test only, is refused
 * when its domains share identities with the target's test partition, when a target's own partitions
 * overlap, when it ignores the halves it is given, and when it gives no identities for data it shares.
 */
class DisjointnessTest {
    @TempDir
    Path dir;

    /**
     * A third-party loader over one table of 1,000 rows: a domain's train and test partitions are row
     * ranges of it, so a test can make them overlap at will. It ignores the train share it is given.
     */
    public static final class Table implements DomainLoader<Table.Parameters> {
        public static final String NAME = "table";

        /**
         * @param trainFrom first row of the train partition
         * @param trainTo   one past its last row
         * @param testFrom  first row of the test partition
         * @param testTo    one past its last row
         * @param identify  whether to give example identities
         * @param file      a data file the provenance names, relative to the data directory; empty for none
         */
        public record Parameters(int trainFrom, int trainTo, int testFrom, int testTo, @Default("true") boolean identify,
                                 @Default("") String file) {
        }

        private static final ExampleOrigin TABLE = ExampleOrigin.of("table:v1", "the table's rows");

        @Override
        public Class<Parameters> parametersType() {
            return Parameters.class;
        }

        @Override
        public TaskType task(Parameters parameters) {
            return TaskType.CLASSIFICATION;
        }

        /** Domains whose train ranges overlap share examples, and are given halves (which this loader ignores). */
        @Override
        public boolean sharesExamples(Parameters first, Parameters second) {
            return first.trainFrom() < second.trainTo() && second.trainFrom() < first.trainTo();
        }

        @Override
        public Domain load(String name, Parameters p, LoadContext context) {
            Map<String, String> provenance = p.file().isEmpty() ? Map.of("table", "v1")
                    : Map.of("file", context.dataDirectory().toAbsolutePath().normalize().resolve(p.file()).normalize().toString());
            return new Domain(name, TaskType.CLASSIFICATION, List.of("a", "b", "c"), FeatureShape.flat(2),
                    rows(p.trainFrom(), p.trainTo(), p.identify()), new TestPartition(name, rows(p.testFrom(), p.testTo(), p.identify())),
                    provenance);
        }

        private static Examples rows(int from, int to, boolean identify) {
            int n = to - from;
            float[] x = new float[2 * n];
            int[] y = new int[n];
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                x[2 * i] = (from + i) % 7;
                x[2 * i + 1] = (from + i) % 5;
                y[i] = (from + i) % 3;
                ids[i] = from + i;
            }
            Examples examples = Examples.classified(x, 2, y);
            return identify ? examples.withIds(ExampleIds.of(TABLE, ids)) : examples;
        }
    }

    /** The module a third-party jar would list in META-INF/services. */
    public static final class TableModule extends AbstractModule implements TransferLabModule {
        @Override
        protected void configure() {
            LoaderBindings.domainLoader(binder(), Table.NAME, Table.class);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** Runs the command line with the table plugin on the class path. */
    private Result cli(String... args) throws IOException {
        Path jar = dir.resolve("plugin");
        Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(jar.resolve("META-INF/services/" + TransferLabModule.class.getName()), TableModule.class.getName());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            int code = TransferLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Result(code, out.toString(), err.toString());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** A classification study of domains a (line 4) and b (line 5), a → b. */
    private static String study(String a, String b) {
        return """
                name: disjoint
                seeds: 1
                domains:
                  a: %s
                  b: %s
                pairs:
                  - {source: a, target: b}
                network: {hidden: [4], epochs: 1}
                strategies: {target-only: {max-epochs: 2}}
                budgets: {total: [4]}
                """.formatted(a, b);
    }

    /** The same study for regression targets. */
    private static String regressionStudy(String a, String b) {
        return study(a, b).replace("{target-only: {max-epochs: 2}}", "{target-only: {}}");
    }

    private Path config(String text) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        return Files.writeString(dir.resolve("study.yaml"), text);
    }

    private String at(int line) {
        return dir.resolve("study.yaml") + ":" + line + ": ";
    }

    /** Runs the study; it must be refused with exactly {@code expected}, before training and without writing anything. */
    private void refused(String expected) throws IOException {
        Path out = dir.resolve("out");
        Result result = cli("run", dir.resolve("study.yaml").toString(), "--out", out.toString(),
                "--data-dir", dir.resolve("data").toString(), "--no-cache");
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode(), result.err());
        List<String> lines = result.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals("error: " + expected, lines.get(lines.size() - 1), result.err());
        assertFalse(result.err().contains("training the source model"), "refused before any training");
        assertFalse(result.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out), "no run directory is left behind");
        BadInputCorpusTest.assertNoTemporaryFiles(dir);
    }

    private void valid() throws IOException {
        Result result = cli("validate", dir.resolve("study.yaml").toString(), "--data-dir", dir.resolve("data").toString());
        assertEquals(0, result.exitCode(), result.err());
    }

    /** 60 sites, each row with its own id (a feature), so a test can tell which rows a partition holds. */
    private static String sites() {
        StringBuilder csv = new StringBuilder("id,x,site,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i).append(',').append(i % 7).append(',').append(List.of("north", "south", "east").get(i % 3)).append(',')
                    .append("abc".charAt((i / 3) % 3)).append('\n');
        }
        return csv.toString();
    }

    private static Set<Integer> ids(Examples examples) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < examples.size(); i++) {
            ids.add((int) examples.feature(i, 0));
        }
        return ids;
    }

    private static Set<Integer> common(Set<Integer> a, Set<Integer> b) {
        Set<Integer> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    @Test
    void anUnfilteredAndAFilteredCsvDomainOfOneFileAreSplitApartAndProvenDisjoint() throws IOException {
        Path config = config(study("{loader: csv, file: sites.csv, target: label, features: [id, x]}",
                "{loader: csv, file: sites.csv, target: label, features: [id, x], filter: site = north}"));
        Files.writeString(dir.resolve("data/sites.csv"), sites());
        valid();

        ExperimentConfig parsed = new ConfigLoader(Plugins.discover()).load(config);
        StudyRunner.Prepared prepared = new StudyRunner(dir.resolve("data"), message -> { }).prepare(parsed);
        Domain source = prepared.domains().get("a@first-half");
        Domain target = prepared.domains().get("b@second-half");
        assertEquals(Set.of(), common(ids(source.train()), ids(target.test().open())), "no target test row in the source's train half");
        assertEquals(Set.of(), common(ids(source.train()), ids(target.train())), "the halves are disjoint");
        assertFalse(ids(target.train()).isEmpty() || ids(target.test().open()).isEmpty());
    }

    @Test
    void csvDomainsOfOneFileWithDifferentSplitSeedsAreRefusedFromTheConfig() throws IOException {
        config(study("{loader: csv, file: sites.csv, target: label, features: [id, x]}",
                "{loader: csv, file: sites.csv, target: label, features: [id, x], filter: site = north, split-seed: 1}"));
        Files.writeString(dir.resolve("data/sites.csv"), sites());
        refused(at(7) + "'pairs[0]': domains 'a' (source, line 4) and 'b' (target, line 5) both read sites.csv, which is "
                + "split into train and test once for all its domains, but key 'split-seed' is 0 for 'a' and 1 for 'b'; give "
                + "both the same split-seed (with two splits, the source's train rows could include the target's test rows)");
    }

    @Test
    void aCopyOfAFileSplitWithAnotherSeedIsRefusedByItsExamplesIdentities() throws IOException {
        config(study("{loader: csv, file: sites.csv, target: label, features: [id, x]}",
                "{loader: csv, file: copy.csv, target: label, features: [id, x], filter: site = north, split-seed: 1}"));
        Files.writeString(dir.resolve("data/sites.csv"), sites());
        Files.writeString(dir.resolve("data/copy.csv"), sites());
        LoadContext context = LoadContext.of(dir.resolve("data"));
        Domain source = new CsvLoader().load("a", new CsvLoader.Parameters("sites.csv", "label", List.of("id", "x"),
                TaskType.CLASSIFICATION, "", 0.3, 0, ","), context);
        Domain target = new CsvLoader().load("b", new CsvLoader.Parameters("copy.csv", "label", List.of("id", "x"),
                TaskType.CLASSIFICATION, "site = north", 0.3, 1, ","), context);
        int shared = common(ids(source.train()), ids(target.test().open())).size();
        assertTrue(shared > 0, "the two seeds' splits overlap");
        Path data = dir.resolve("data").toAbsolutePath().normalize();
        refused(at(5) + "domains 'a' (source, line 4) and 'b' (target, line 5) share " + shared + " examples: the source's "
                + "train partition holds " + shared + " of the target's " + target.test().size() + " test examples (file "
                + data.resolve("sites.csv") + " and file " + data.resolve("copy.csv") + ", which hold the same data), so the "
                + "source model would be trained on data the target is scored on; split that data once for both domains (the "
                + "same file, test-fraction and split-seed), or pair domains that do not share it");
    }

    @Test
    void autoMpgDomainsWithDifferentSplitSeedsAreRefusedBeforeAnyDataIsRead() throws IOException {
        config(regressionStudy("{loader: auto-mpg, origin: usa}", "{loader: auto-mpg, origin: usa, missing: impute, split-seed: 1}"));
        refused(at(7) + "'pairs[0]': domains 'a' (source, line 4) and 'b' (target, line 5) both read auto-mpg/cars.json, "
                + "which is split into train and test once for all its domains, but key 'split-seed' is 0 for 'a' and 1 for 'b'; "
                + "give both the same split-seed (with two splits, the source's train rows could include the target's test rows)");
    }

    @Test
    void diabetesDomainsWithDifferentTestFractionsAreRefused() throws IOException {
        config(regressionStudy("{loader: diabetes, sex: 1}", "{loader: diabetes, sex: 1, test-fraction: 0.5}"));
        refused(at(7) + "'pairs[0]': domains 'a' (source, line 4) and 'b' (target, line 5) both read "
                + "diabetes/diabetes_data_raw.csv.gz, which is split into train and test once for all its domains, but key "
                + "'test-fraction' is 0.3 for 'a' and 0.5 for 'b'; give both the same test-fraction (with two splits, the "
                + "source's train rows could include the target's test rows)");
    }

    @Test
    void aPluginLoaderWhoseSourceTrainsOnTheTargetsTestExamplesIsRefused() throws IOException {
        config(study("{loader: table, train-from: 0, train-to: 60, test-from: 60, test-to: 90}",
                "{loader: table, train-from: 100, train-to: 160, test-from: 40, test-to: 70}"));
        refused(at(5) + "domains 'a' (source, line 4) and 'b' (target, line 5) share 20 examples: the source's train partition "
                + "holds 20 of the target's 30 test examples (the table's rows), so the source model would be trained on data "
                + "the target is scored on; split that data once for both domains (the same file, test-fraction and "
                + "split-seed), or pair domains that do not share it");
    }

    @Test
    void aMemberOfSeveralSourcesThatTrainsOnTheTargetsTestExamplesIsRefused() throws IOException {
        config("""
                name: disjoint
                seeds: 1
                domains:
                  a: {loader: table, train-from: 0, train-to: 60, test-from: 60, test-to: 90}
                  b: {loader: table, train-from: 100, train-to: 160, test-from: 40, test-to: 70}
                  c: {loader: table, train-from: 200, train-to: 260, test-from: 260, test-to: 290}
                pairs:
                  - {sources: [c, a], target: b}
                network: {hidden: [4], epochs: 1}
                strategies: {target-only: {max-epochs: 2}}
                budgets: {total: [4]}
                """);
        refused(at(5) + "domains 'a' (source, line 4) and 'b' (target, line 5) share 20 examples: the source's train partition "
                + "holds 20 of the target's 30 test examples (the table's rows), so the source model would be trained on data "
                + "the target is scored on; split that data once for both domains (the same file, test-fraction and "
                + "split-seed), or pair domains that do not share it");
    }

    @Test
    void aPluginLoaderWhoseTargetHoldsItsTestExamplesInItsTrainPartitionIsRefused() throws IOException {
        config(study("{loader: table, train-from: 0, train-to: 60, test-from: 60, test-to: 90}",
                "{loader: table, train-from: 100, train-to: 160, test-from: 150, test-to: 180}"));
        refused(at(5) + "domain 'b' (target, line 5) has 10 examples in both its train and its test partition (the table's "
                + "rows): loader 'table' does not keep them apart, so a label budget could hold test examples");
    }

    @Test
    void aTargetWithoutASourceIsStillCheckedForItsOwnPartitions() throws IOException {
        config(study("{loader: table, train-from: 0, train-to: 60, test-from: 60, test-to: 90}",
                "{loader: table, train-from: 100, train-to: 160, test-from: 150, test-to: 180}")
                .replace("{source: a, target: b}", "{target: b}"));
        refused(at(5) + "domain 'b' (target, line 5) has 10 examples in both its train and its test partition (the table's "
                + "rows): loader 'table' does not keep them apart, so a label budget could hold test examples");
    }

    @Test
    void aTargetWithoutASourceRunsItsNoTransferStrategiesAndSaysTheOthersDoNotApply() throws IOException {
        config(study("{loader: table, train-from: 0, train-to: 60, test-from: 60, test-to: 90}",
                "{loader: table, train-from: 100, train-to: 160, test-from: 160, test-to: 190}")
                .replace("{source: a, target: b}", "{target: b}")
                .replace("{target-only: {max-epochs: 2}}", "{target-only: {max-epochs: 2}, fine-tuning: {max-epochs: 2}}"));
        Path out = dir.resolve("out");
        Result result = cli("run", dir.resolve("study.yaml").toString(), "--out", out.toString(),
                "--data-dir", dir.resolve("data").toString(), "--no-cache");
        assertEquals(0, result.exitCode(), result.err());
        assertFalse(result.err().contains("training the source model"), result.err());
        List<org.transferlab.experiments.run.StoredResult> rows = org.transferlab.experiments.run.ResultsCsv.read(
                out.resolve("results.csv"));
        assertEquals(2, rows.size());
        for (var row : rows) {
            assertEquals("(none)", row.source());
            assertEquals(row.strategy().equals("target-only") ? "ok"
                    : "not applicable: it needs a source model, and pair (none) → b has no source", row.status());
        }
    }

    @Test
    void aPluginLoaderThatIgnoresTheHalvesItIsGivenIsRefused() throws IOException {
        config(study("{loader: table, train-from: 0, train-to: 60, test-from: 200, test-to: 230}",
                "{loader: table, train-from: 30, train-to: 90, test-from: 230, test-to: 260}"));
        refused(at(5) + "domains 'a' (source, line 4) and 'b' (target, line 5) were given disjoint halves of the train "
                + "examples they share, but 30 of the target's train examples are in the source's train partition (the "
                + "table's rows): loader 'table' does not load only the half (LoadContext.share) it is given, so the source "
                + "model would have seen the target's examples");
    }

    @Test
    void aLoaderWithoutIdentitiesCannotBePairedWithADomainOfTheSameFile() throws IOException {
        config(study("{loader: table, train-from: 0, train-to: 60, test-from: 200, test-to: 230, identify: false, file: sites.csv}",
                "{loader: csv, file: sites.csv, target: label, features: [id, x], filter: site = north}"));
        Files.writeString(dir.resolve("data/sites.csv"), sites());
        refused(at(5) + "domains 'a' (source, line 4) and 'b' (target, line 5) read the same data (the provenance of both "
                + "names " + dir.resolve("data/sites.csv").toAbsolutePath().normalize() + "), but no example identities are "
                + "given for the train partition of 'a' (loader 'table'), so nothing shows that the source never trains on "
                + "the target's test examples; a loader whose domains share data must identify every example it loads "
                + "(Examples.withIds; see DomainLoader), or pair domains that share no data");
    }

    @Test
    void aLoaderWithoutIdentitiesCannotBePairedWhenItSaysItsDomainsShareExamples() throws IOException {
        config(study("{loader: table, train-from: 0, train-to: 60, test-from: 200, test-to: 230, identify: false}",
                "{loader: table, train-from: 30, train-to: 90, test-from: 230, test-to: 260, identify: false}"));
        refused(at(5) + "domains 'a' (source, line 4) and 'b' (target, line 5) read the same data (the pair was given "
                + "disjoint halves of their train examples), but no example identities are given for the train partition of "
                + "'a' (loader 'table') nor for the test partition of 'b' (loader 'table'), so nothing shows that the source "
                + "never trains on the target's test examples; a loader whose domains share data must identify every example "
                + "it loads (Examples.withIds; see DomainLoader), or pair domains that share no data");
    }

    @Test
    void loadersWithoutIdentitiesStillWorkForDomainsThatShareNoData() throws IOException {
        config(study("{loader: table, train-from: 0, train-to: 60, test-from: 200, test-to: 230, identify: false}",
                "{loader: table, train-from: 100, train-to: 160, test-from: 230, test-to: 260, identify: false}"));
        valid();
        config(study("{loader: table, train-from: 0, train-to: 60, test-from: 200, test-to: 230}",
                "{loader: synthetic, classes: 3, features: 2}"));
        valid();
    }
}
