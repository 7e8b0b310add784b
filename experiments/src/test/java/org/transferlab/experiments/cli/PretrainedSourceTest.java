package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.report.Provenance;
import org.transferlab.experiments.run.Cell;
import org.transferlab.experiments.run.Grid;
import org.transferlab.experiments.run.CsvRows;
import org.transferlab.transfer.pretrained.KerasFixture;
import org.transferlab.transfer.pretrained.ModelFixtures;

/**
 * A pair whose source is a model file: a small network trained elsewhere (here: on the synthetic loader's
 * data, then written with ModelSerializer), transferred to a small target through the real command line.
 */
class PretrainedSourceTest {
    /** A target like the data the fixture was trained on, moved away from it; 3 classes, 4 features. */
    static final String STUDY = """
            name: pretrained
            seeds: 2
            domains:
              tgt: {loader: synthetic, classes: 3, features: 4, train-size: 60, test-size: 30, shift: 0.5, sample-seed: 21}
            models:
              net: {file: models/net.zip}
            pairs:
              - {source: net, target: tgt}
            network: {hidden: [4], epochs: 1}
            strategies:
              target-only: {max-epochs: 2}
              feature-extraction: {max-epochs: 2}
              fine-tuning: {max-epochs: 2}
              pooled: {max-epochs: 2}
            budgets:
              per-class: [3]
            """;

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

    private Path study(String text) throws IOException {
        Files.createDirectories(dir.resolve("models"));
        return Files.writeString(dir.resolve("study.yaml"), text);
    }

    private List<Map<String, String>> run(Path config) {
        Result result = cli("run", config.toString(), "--out", dir.resolve("out").toString(), "--no-cache");
        assertEquals(0, result.exitCode(), result.err());
        return CsvRows.read(dir.resolve("out/results.csv"));
    }

    @Test
    void aModelFileIsTheSourceOfFineTuningAndFeatureExtractionAndPoolingIsNotApplicable() throws Exception {
        Path config = study(STUDY);
        Path model = ModelFixtures.multiLayerNetwork(dir.resolve("models/net.zip"));
        Result result = cli("run", config.toString(), "--out", dir.resolve("out").toString(), "--no-cache");
        assertEquals(0, result.exitCode(), result.err());
        List<Map<String, String>> rows = CsvRows.read(dir.resolve("out/results.csv"));
        assertEquals(8, rows.size(), "4 strategies x 1 budget x 2 seeds");
        for (Map<String, String> row : rows) {
            assertEquals("net", row.get("source"));
            assertEquals("NaN", row.get("source_val_accuracy"), "a model file has no source test set");
            assertEquals("false", row.get("source_trained"));
            if (row.get("strategy").equals("pooled")) {
                assertEquals("not applicable: it learns from source examples, and this cell's source has none "
                        + "(a model file brings a network, not data)", row.get("status"));
            } else {
                assertEquals("ok", row.get("status"), row.toString());
                assertTrue(Double.parseDouble(row.get("accuracy")) >= 0, row.toString());
            }
        }
        assertTrue(result.out().contains("source models: 0 trained, 0 loaded from the cache, 1 read from model files"),
                "one model for both seeds: " + result.out());
        assertTrue(result.err().contains("pair net → tgt: the source is model file " + model + ", which brings no source "
                + "examples, so there is nothing of the source to check against the target's test partition"), result.err());
        Map<String, String> provenance = Provenance.read(dir.resolve("out")).stream()
                .filter(r -> r.scope().equals("model net"))
                .collect(Collectors.toMap(Provenance.Entry::key, Provenance.Entry::value));
        assertEquals(BadInputCorpusTest.sha256(Files.readAllBytes(model)), provenance.get("sha256"));
        assertEquals(model.toString(), provenance.get("file"));
        assertEquals("1 'layer1' (DenseLayer, 6 values)", provenance.get("cut-at"));
        String report = Files.readString(dir.resolve("out/report.md"));
        assertTrue(report.contains("- source models read from files (no source test set, so no source accuracy): `net` "
                + "(models/net.zip, SHA-256 " + provenance.get("sha256").substring(0, 12) + ", cut at layer 1)\n"), report);
        assertTrue(report.contains("## Not applicable\n\n- `pooled` on net → tgt: it learns from source examples, and this "
                + "cell's source has none (a model file brings a network, not data)\n"), report);
    }

    @Test
    void everyStrategyThatUsesASourceModelRunsOnAModelFileAndThoseThatNeedSourceDataAreNotApplicable() throws Exception {
        ModelFixtures.multiLayerNetwork(Files.createDirectories(dir.resolve("models")).resolve("net.zip"));
        String everything = STUDY.replace("seeds: 2", "seeds: 1")
                .replace("{file: models/net.zip}", "{file: models/net.zip, classes: [class-0, class-1, class-2]}")
                .replaceAll("(?s)strategies:.*budgets:", """
                        strategies:
                          target-only: {max-epochs: 2}
                          feature-extraction: {max-epochs: 2}
                          fine-tuning: {max-epochs: 2}
                          fine-tuning@top2: {max-epochs: 2, top-layers: 2}
                          lp-ft: {max-epochs: 2}
                          layer-transfer: {layers: 2, max-epochs: 2}
                          l2-sp: {max-epochs: 2}
                          discriminative-fine-tuning: {max-epochs: 2}
                          tribuo-head: {}
                          source-only: {}
                          pred: {max-epochs: 2}
                          linint: {max-epochs: 2}
                          oracle: {max-epochs: 2}
                          pooled: {max-epochs: 2}
                          weighted: {max-epochs: 2}
                          augment: {max-epochs: 2}
                          coral: {}
                        budgets:""");
        List<Map<String, String>> rows = run(study(everything));
        Set<String> needSourceData = Set.of("pooled", "weighted", "augment", "coral");
        for (Map<String, String> row : rows) {
            String expected = needSourceData.contains(row.get("strategy")) ? "not applicable: it learns from source examples, "
                    + "and this cell's source has none (a model file brings a network, not data)" : "ok";
            assertEquals(expected, row.get("status"), row.get("strategy") + ": " + row);
        }
        assertEquals(17, rows.size());
    }

    @Test
    void aChainShapedComputationGraphIsASourceToo() throws Exception {
        ModelFixtures.computationGraph(Files.createDirectories(dir.resolve("models")).resolve("net.zip"));
        List<Map<String, String>> rows = run(study(STUDY.replace("{file: models/net.zip}", "{file: models/net.zip, cut-at: hidden}")
                .replace("  pooled: {max-epochs: 2}\n", "  lp-ft: {max-epochs: 2}\n")));
        assertEquals(8, rows.size());
        rows.forEach(row -> assertEquals("ok", row.get("status"), row.toString()));
        Map<String, String> provenance = Provenance.read(dir.resolve("out")).stream()
                .filter(r -> r.scope().equals("model net"))
                .collect(Collectors.toMap(Provenance.Entry::key, Provenance.Entry::value));
        assertEquals("computation-graph", provenance.get("format"));
        assertEquals("0 'hidden' (DenseLayer, 8 values)", provenance.get("cut-at"));
    }

    @Test
    void aKerasModelSavedAsHdf5IsASourceToo() throws Exception {
        KerasFixture.sequentialMlp(Files.createDirectories(dir.resolve("models")).resolve("net.h5"));
        List<Map<String, String>> rows = run(study(STUDY.replace("seeds: 2", "seeds: 1")
                .replace("{file: models/net.zip}", "{file: models/net.h5, classes: [class-0, class-1, class-2]}")
                .replace("  pooled: {max-epochs: 2}\n", "  source-only: {}\n  lp-ft: {max-epochs: 2}\n")));
        assertEquals(5, rows.size());
        rows.forEach(row -> assertEquals("ok", row.get("status"), row.toString()));
        Map<String, String> provenance = Provenance.read(dir.resolve("out")).stream()
                .filter(r -> r.scope().equals("model net"))
                .collect(Collectors.toMap(Provenance.Entry::key, Provenance.Entry::value));
        assertEquals("keras-hdf5", provenance.get("format"));
        assertEquals("0 'dense_1' (DenseLayer, 8 values)", provenance.get("cut-at"));
    }

    @Test
    void aClusteringTargetIsEmbeddedByTheModelFile() throws Exception {
        ModelFixtures.multiLayerNetwork(Files.createDirectories(dir.resolve("models")).resolve("net.zip"));
        List<Map<String, String>> rows = run(study(STUDY.replace("seeds: 2", "seeds: 1")
                .replace("{loader: synthetic, classes: 3,", "{loader: synthetic, task: clustering, classes: 3,")
                .replaceAll("(?s)strategies:.*budgets:", """
                        strategies:
                          target-only: {}
                          feature-extraction: {}
                          warm-start-kmeans: {}
                        budgets:""").replace("per-class: [3]", "total: [30]")));
        Map<String, String> status = rows.stream().collect(Collectors.toMap(r -> r.get("strategy"), r -> r.get("status")));
        assertEquals(Map.of("target-only", "ok", "feature-extraction", "ok", "warm-start-kmeans", "not applicable: it learns "
                + "from source examples, and this cell's source has none (a model file brings a network, not data)"), status);
    }

    @Test
    void aRunDirectoryIsReportedFromTheModelFileItUsedAndNotFromAChangedOne() throws Exception {
        Path model = ModelFixtures.multiLayerNetwork(Files.createDirectories(dir.resolve("models")).resolve("net.zip"));
        run(study(STUDY.replace("seeds: 2", "seeds: 1").replace("  pooled: {max-epochs: 2}\n", "")));
        Files.delete(dir.resolve("out/report.md"));
        // The run directory's copy of the config is not beside models/: the model is found through its provenance.
        Result report = cli("report", dir.resolve("out").toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(Files.exists(dir.resolve("out/report.md")));
        ModelFixtures.touchOneByte(model);
        Result changed = cli("report", dir.resolve("out").toString());
        assertEquals(TransferLabCommand.USER_ERROR, changed.exitCode());
        assertEquals("error: " + dir.resolve("out") + ": a model file of this study changed since it was run (" + model
                + "), so its cells are another study's; restore the file the run used (its SHA-256 is in provenance.csv)",
                changed.err().strip());
    }

    @Test
    void changingOneByteOfTheModelFileChangesTheKeysOfEverythingDerivedFromIt() throws Exception {
        Path config = study(STUDY);
        Path model = ModelFixtures.multiLayerNetwork(dir.resolve("models/net.zip"));
        ExperimentConfig before = new ConfigLoader(Plugins.discover()).load(config);
        ModelFixtures.touchOneByte(model);
        ExperimentConfig after = new ConfigLoader(Plugins.discover()).load(config);
        Cell first = Grid.expand(before).cells().get(1);
        Cell second = Grid.expand(after).cells().get(1);
        assertEquals("feature-extraction", first.strategy().name());
        // The run's caches of source models, target embeddings and source artifacts are keyed by the source seed.
        assertNotEquals(first.sourceSeed(), second.sourceSeed());
        assertNotEquals(first.id(), second.id());
        assertNotEquals(before.digest(), after.digest());
        assertEquals(Grid.expand(before).cells().stream().map(Cell::sourceSeed).distinct().count(), 1,
                "the seeds of a study share the one model the file holds");
    }
}
