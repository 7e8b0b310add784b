package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.transfer.pretrained.KerasFixture;
import org.transferlab.transfer.pretrained.ModelFixtures;

/**
 * The bad-input corpus of pretrained model sources, in {@link BadInputCorpusTest}'s style: each case writes a
 * config and a model file under models/, runs the real command line, and checks the exact error, exit code 2,
 * that no run directory or temporary file is left and that the model file is as it was.
 */
class ModelFileBadInputTest {
    /** A valid study with a model source: each case breaks one thing in it or in its model file. */
    static final String STUDY = """
            name: pretrained-corpus
            seeds: 1
            domains:
              tgt: {loader: synthetic, classes: 3, features: 4, train-size: 60, test-size: 30, shift: 0.5}
            models:
              net: {file: models/net.zip}
            pairs:
              - {source: net, target: tgt}
            network: {hidden: [4], epochs: 1}
            strategies:
              fine-tuning: {max-epochs: 2}
            budgets:
              per-class: [2]
            """;

    @TempDir
    Path dir;

    /** Writes a case's model file into models/ of the test directory. */
    interface ModelWriter {
        void write(Path modelFile) throws Exception;
    }

    /**
     * @param name     what is wrong, for the test report
     * @param config   the study's text
     * @param model    writes models/net.zip
     * @param expected the exact error, given the test directory
     */
    record Case(String name, String config, ModelWriter model, Function<Path, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static String at(Path d, int line) {
        return d.resolve("study.yaml") + ":" + line + ": ";
    }

    private static Path model(Path d) {
        return d.resolve("models/net.zip");
    }

    private static Case file(String name, ModelWriter model, Function<Path, String> expected) {
        return new Case(name, STUDY, model, expected);
    }

    private static Case config(String name, Function<String, String> change, Function<Path, String> expected) {
        return new Case(name, change.apply(STUDY), ModelFixtures::multiLayerNetwork, expected);
    }

    static Stream<Case> cases() {
        String layers = "0 'layer0' (DenseLayer, 8 values), 1 'layer1' (DenseLayer, 6 values), 2 'layer2' (OutputLayer, 3 values)";
        return Stream.of(
                file("a text file", f -> Files.writeString(f, "weights: see the paper\n"), d -> at(d, 6)
                        + "key 'models.net.file': " + model(d) + " is neither a DL4J model zip nor a Keras HDF5 file: it is "
                        + "not a readable zip archive (is it truncated, or in another format? zip END header not found)"),
                file("a truncated Keras file", f -> {
                    KerasFixture.sequentialMlp(f);
                    byte[] whole = Files.readAllBytes(f);
                    Files.write(f, Arrays.copyOf(whole, whole.length / 2));
                }, d -> at(d, 6) + "key 'models.net.file': " + model(d) + " is an HDF5 file that cannot be read (RuntimeException: "
                        + "H5Fopen failed); is it truncated?"),
                file("an HDF5 file that holds no Keras model", KerasFixture::withoutModel, d -> at(d, 6) + "key 'models.net.file': "
                        + model(d) + " is an HDF5 file without a Keras model_config attribute, so not a Keras model saved with "
                        + "model.save (weights alone, from save_weights, are not enough)"),
                file("a truncated model zip", f -> {
                    ModelFixtures.multiLayerNetwork(f);
                    byte[] whole = Files.readAllBytes(f);
                    Files.write(f, Arrays.copyOf(whole, whole.length / 2));
                }, d -> at(d, 6) + "key 'models.net.file': " + model(d) + " is neither a DL4J model zip nor a Keras HDF5 "
                        + "file: it is not a readable zip archive (is it truncated, or in another format? zip END header not found)"),
                file("a zip that is not a DL4J model", f -> Files.write(f, zip("notes.txt", "hello".getBytes(StandardCharsets.UTF_8))),
                        d -> at(d, 6) + "key 'models.net.file': " + model(d) + " is a zip archive but not a DL4J model zip: "
                                + "it lacks configuration.json (it holds notes.txt)"),
                file("a DL4J model zip whose weights are damaged", ModelFileBadInputTest::damagedCoefficients,
                        d -> at(d, 6) + "key 'models.net.file': " + model(d) + " is a DL4J model zip that cannot be restored "
                                + "(RuntimeException: java.io.EOFException); it may be damaged or written by an incompatible DL4J version"),
                file("a ComputationGraph with branches", ModelFixtures::branchingGraph, d -> at(d, 6) + "key 'models.net.file': "
                        + model(d) + " holds a ComputationGraph that is not a plain chain of layers, which TransferLab cannot "
                        + "cut (only a MultiLayerNetwork, or a graph equivalent to one, can be a source): 'in' feeds both "
                        + "'left' and 'right'"),
                file("no model file", f -> { }, d -> at(d, 6) + "key 'models.net.file': " + model(d) + ": no such model file"),
                config("a SHA-256 the file does not have", s -> s.replace("{file: models/net.zip}",
                        "{file: models/net.zip, sha256: " + "0".repeat(64) + "}"), d -> at(d, 6) + "key 'models.net.sha256': "
                        + model(d) + " has SHA-256 " + sha(d) + ", but the config expects " + "0".repeat(64)
                        + "; the file changed, or the config names another one"),
                config("cut at a layer the model does not have", s -> s.replace("{file: models/net.zip}",
                        "{file: models/net.zip, cut-at: top}"), d -> at(d, 6) + "key 'models.net.cut-at': " + model(d)
                        + " has no layer named 'top'; its layers: " + layers),
                config("cut at the output layer", s -> s.replace("{file: models/net.zip}", "{file: models/net.zip, cut-at: 2}"),
                        d -> at(d, 6) + "key 'models.net.cut-at': layer 2 'layer2' (OutputLayer, 3 values) of " + model(d)
                                + " is its softmax output layer; cut at a layer below it, whose activations a new head can "
                                + "take: 0 'layer0' (DenseLayer, 8 values), 1 'layer1' (DenseLayer, 6 values)"),
                config("classes that do not match the outputs", s -> s.replace("{file: models/net.zip}",
                        "{file: models/net.zip, classes: [cat, dog]}"), d -> at(d, 6) + "key 'models.net.classes': " + model(d)
                        + " has 3 softmax outputs, so 'classes' must name 3 distinct classes in output order; it names 2: cat, dog"),
                config("an input shape the model does not have", s -> s.replace("{file: models/net.zip}",
                        "{file: models/net.zip, input-shape: [5]}"), d -> at(d, 6) + "key 'models.net.input-shape': input-shape "
                        + "says 5 values, but " + model(d) + " takes inputs of 4 values"),
                config("a target whose features the model cannot read", s -> s.replace("features: 4,", "features: 5,"),
                        d -> at(d, 6) + "model 'net' (" + model(d) + ") takes inputs of 4 values, but target 'tgt' (line 4) "
                                + "has features of 5 values; a model file can only be the source of targets whose features "
                                + "it was trained on"),
                config("a model as a target", s -> s.replace("{source: net, target: tgt}", "{source: tgt, target: net}"),
                        d -> at(d, 8) + "key 'pairs[0].target': 'net' is a model; a target must be a domain, whose label "
                                + "budget and test partition are used"),
                config("an unknown source", s -> s.replace("{source: net, target: tgt}", "{source: nett, target: tgt}"),
                        d -> at(d, 8) + "key 'pairs[0].source': no domain or model 'nett'; declared domains: tgt; models: net"),
                config("a model named like a domain", s -> s.replace("  net: {file", "  tgt: {file").replace("source: net", "source: tgt"),
                        d -> at(d, 6) + "model name 'tgt' is also a domain's (line 4); a pair's source names one or the other, "
                                + "so give them different names"),
                config("a model path out of the config's folder", s -> s.replace("file: models/net.zip", "file: ../net.zip"),
                        d -> at(d, 6) + "key 'models.net.file': '../net.zip' leaves the config's folder through '..'; a "
                                + "relative model path resolves against the config's folder, so write the absolute path of a "
                                + "model kept elsewhere"),
                config("a misspelled model key", s -> s.replace("{file: models/net.zip}", "{file: models/net.zip, cutat: 1}"),
                        d -> at(d, 6) + "unknown key 'models.net.cutat' (did you mean 'cut-at'?); expected one of: file, cut-at, "
                                + "input-shape, classes, sha256"),
                config("an empty models section", s -> s.replace("  net: {file: models/net.zip}\n", "").replace("models:", "models: {}"),
                        d -> at(d, 5) + "'models' is empty; declare a model or remove the key"),
                config("a model source for a regression target", s -> s
                                .replace("classes: 3, features: 4,", "task: regression, features: 4,")
                                .replace("fine-tuning: {max-epochs: 2}", "target-only: {}").replace("per-class: [2]", "total: [6]"),
                        d -> at(d, 8) + "key 'pairs': the source of target 'tgt' is model 'net', but a regression study's "
                                + "strategies learn from a source domain's examples; a model file can be the source of "
                                + "classification and clustering targets"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadModelSourceIsRefusedBeforeAnythingIsWritten(Case bad) throws Exception {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("study.yaml"), bad.config());
        bad.model().write(model(dir));
        byte[] before = Files.exists(model(dir)) ? Files.readAllBytes(model(dir)) : null;
        for (String command : List.of("validate", "run")) {
            Path out = dir.resolve("out");
            Result result = command.equals("run")
                    ? cli("run", dir.resolve("study.yaml").toString(), "--out", out.toString(), "--no-cache")
                    : cli("validate", dir.resolve("study.yaml").toString());
            assertEquals(TransferLabCommand.USER_ERROR, result.exitCode(), command + ": " + result.err());
            List<String> lines = result.err().lines().filter(l -> !l.isBlank()).toList();
            assertEquals("error: " + bad.expected().apply(dir), lines.get(lines.size() - 1), command + ": " + result.err());
            assertFalse(result.err().contains("training the source model") || result.err().contains("Exception\n"),
                    "refused before any training, without a stack trace");
            assertFalse(Files.exists(out), "no run directory is left behind");
        }
        BadInputCorpusTest.assertNoTemporaryFiles(dir);
        if (before != null) {
            assertArrayEquals(before, Files.readAllBytes(model(dir)), "the model file is only read");
        }
    }

    private static String sha(Path d) {
        try {
            return BadInputCorpusTest.sha256(Files.readAllBytes(model(d)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A real model's configuration.json beside a coefficients.bin of garbage: a DL4J zip whose weights cannot be read. */
    private static void damagedCoefficients(Path file) throws Exception {
        Path real = ModelFixtures.multiLayerNetwork(file.resolveSibling("real.zip"));
        byte[] configuration;
        try (ZipFile zip = new ZipFile(real.toFile())) {
            configuration = zip.getInputStream(zip.getEntry("configuration.json")).readAllBytes();
        }
        Files.delete(real);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write(configuration);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("coefficients.bin"));
            zip.write("not an ND4J array".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.write(file, bytes.toByteArray());
    }
}
