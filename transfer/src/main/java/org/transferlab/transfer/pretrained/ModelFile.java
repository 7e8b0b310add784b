package org.transferlab.transfer.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;

/**
 * A network someone else trained, read from a DL4J model zip (what {@code ModelSerializer.writeModel} writes,
 * from a {@code MultiLayerNetwork} or a {@code ComputationGraph}) or a Keras HDF5 file ({@link KerasImport}), to
 * be a pair's source instead of a source domain. Reading checks everything that can be checked without target data, so a bad file fails before
 * anything trains: that the file is a DL4J model zip or a Keras model (not truncated, not another format), its SHA-256
 * when the config gives one, that a graph is a plain chain of layers ({@link GraphChain}), the input shape
 * (read from the first layer or its preprocessor, or given in the config; both must agree), the layer to cut
 * at, and the names of its classes. Every problem is a {@link ModelFileException} naming the file and the key.
 *
 * <p>The features given to the network are the target's as its loader produces them: no standardisation
 * statistics come with a model file, so inputs must already be on the scale its creator trained it on.
 */
public final class ModelFile {
    /** The kinds of model file: a DL4J model zip of either network type, or a Keras HDF5 file ({@link KerasImport}). */
    public enum Format { MULTI_LAYER_NETWORK, COMPUTATION_GRAPH, KERAS_HDF5 }

    /** The first bytes of every HDF5 file. */
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /**
     * What the config says about the file.
     *
     * @param cutAt      the layer whose activations are transferred, by 0-based index or by name; empty for the
     *                   last layer below a softmax output layer (the last layer, when there is none). Its output
     *                   must be a flat vector (a dense layer, say): strategies put a new dense head on it
     * @param inputShape {@code [features]} or {@code [channels, height, width]}; empty to read it from the model.
     *                   Required when the model starts with a convolution that takes no flat input
     * @param classes    names of the model's softmax outputs, in output order; empty names them output-0, output-1, ...
     * @param sha256     the hex SHA-256 the file must have; empty does not check
     */
    public record Request(String cutAt, List<Integer> inputShape, List<String> classes, String sha256) {
        public Request {
            inputShape = List.copyOf(inputShape);
            classes = List.copyOf(classes);
        }
    }

    private final Path file;
    private final String sha256;
    private final Format format;
    private final MultiLayerNetwork network;
    private final FeatureShape inputShape;
    private final Layers layers;
    private final int cutAt;
    private final List<String> classNames;

    private ModelFile(Path file, String sha256, Format format, MultiLayerNetwork network, FeatureShape inputShape,
                      Layers layers, int cutAt, List<String> classNames) {
        this.file = file;
        this.sha256 = sha256;
        this.format = format;
        this.network = network;
        this.inputShape = inputShape;
        this.layers = layers;
        this.cutAt = cutAt;
        this.classNames = List.copyOf(classNames);
    }

    /** Reads and checks {@code file} as {@code request} asks; throws {@link ModelFileException} naming what is wrong. */
    public static ModelFile read(Path file, Request request) {
        String sha = sha256(file);
        if (!request.sha256().isEmpty() && !request.sha256().equalsIgnoreCase(sha)) {
            throw new ModelFileException("sha256", file + " has SHA-256 " + sha + ", but the config expects "
                    + request.sha256() + "; the file changed, or the config names another one");
        }
        Format format = format(file);
        MultiLayerNetwork network = restore(file, format);
        FeatureShape shape = InputShapes.resolve(network, request.inputShape(), file);
        Layers layers = Layers.of(network, shape, file);
        int cut = layers.cut(request.cutAt());
        List<String> classes = classNames(layers, request.classes(), file);
        return new ModelFile(file, sha, format, network, shape, layers, cut, classes);
    }

    /** The source model the strategies use, cut where the config said; {@code studyNetwork} is the study's network section. */
    public SourceModel sourceModel(NetworkSpec studyNetwork) {
        return SourceModel.fromFile(network, cutAt, classNames, studyNetwork);
    }

    /** What the study's provenance records about the file. */
    public Map<String, String> provenance() {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("file", file.toString());
        provenance.put("sha256", sha256);
        provenance.put("format", format.name().toLowerCase().replace('_', '-'));
        provenance.put("input-shape", describe(inputShape));
        provenance.put("layers", Integer.toString(layers.count()));
        provenance.put("cut-at", layers.describe(cutAt));
        provenance.put("features", Integer.toString(layers.flatWidth(cutAt)));
        provenance.put("classes", classNames.isEmpty() ? "none (no softmax output layer)" : String.join(", ", classNames));
        provenance.put("input-scaling", "none: features are fed as the target's loader gives them");
        return provenance;
    }

    public Path file() {
        return file;
    }

    /** The hex SHA-256 of the file's bytes, which keys everything derived from the model. */
    public String sha256() {
        return sha256;
    }

    public Format format() {
        return format;
    }

    /** The shape of one example the network takes. */
    public FeatureShape inputShape() {
        return inputShape;
    }

    /** The index of the layer the model is cut at. */
    public int cutAt() {
        return cutAt;
    }

    /** The names of the model's softmax outputs; empty when its last layer is not a softmax output layer. */
    public List<String> classNames() {
        return classNames;
    }

    /** {@code 784 values} or {@code 1x28x28 (784 values)}, as messages and provenance write a shape. */
    public static String describe(FeatureShape shape) {
        return shape.isImage() ? shape.channels() + "x" + shape.height() + "x" + shape.width() + " (" + shape.size() + " values)"
                : shape.size() + " values";
    }

    private static List<String> classNames(Layers layers, List<String> given, Path file) {
        int outputs = layers.softmaxOutputs();
        if (outputs == 0) {
            if (!given.isEmpty()) {
                throw new ModelFileException("classes", file + " has no softmax output layer (its last layer is "
                        + layers.describe(layers.count() - 1) + "), so it has no classes to name; remove 'classes'");
            }
            return List.of();
        }
        if (given.isEmpty()) {
            return IntStream.range(0, outputs).mapToObj(i -> "output-" + i).toList();
        }
        if (given.size() != outputs || given.stream().distinct().count() != given.size()) {
            throw new ModelFileException("classes", file + " has " + outputs + " softmax outputs, so 'classes' must name "
                    + outputs + " distinct classes in output order; it names " + given.size() + ": " + String.join(", ", given));
        }
        return given;
    }

    /**
     * An HDF5 file is taken for a Keras model; a zip's network type is read from its configuration: a graph's has
     * vertices, a multi-layer network's confs.
     */
    private static Format format(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (java.util.Arrays.equals(in.readNBytes(HDF5_SIGNATURE.length), HDF5_SIGNATURE)) {
                return Format.KERAS_HDF5;
            }
        } catch (IOException e) {
            throw new ModelFileException("file", file + " cannot be read (" + e + ")", e);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry configuration = zip.getEntry("configuration.json");
            if (configuration == null || zip.getEntry("coefficients.bin") == null) {
                List<String> names = new ArrayList<>();
                zip.stream().limit(5).forEach(e -> names.add(e.getName()));
                throw new ModelFileException("file", file + " is a zip archive but not a DL4J model zip: it lacks "
                        + (configuration == null ? "configuration.json" : "coefficients.bin") + " (it holds "
                        + (names.isEmpty() ? "nothing" : String.join(", ", names) + (zip.size() > 5 ? ", ..." : "")) + ")");
            }
            String json;
            try (InputStream in = zip.getInputStream(configuration)) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (json.contains("\"vertices\"")) {
                return Format.COMPUTATION_GRAPH;
            }
            if (json.contains("\"confs\"")) {
                return Format.MULTI_LAYER_NETWORK;
            }
            throw new ModelFileException("file", file + ": its configuration.json describes neither a MultiLayerNetwork "
                    + "nor a ComputationGraph");
        } catch (IOException e) {
            throw new ModelFileException("file", file + " is neither a DL4J model zip nor a Keras HDF5 file: it is not a "
                    + "readable zip archive (is it truncated, or in another format? " + e.getMessage() + ")", e);
        }
    }

    private static MultiLayerNetwork restore(Path file, Format format) {
        try {
            return switch (format) {
                case MULTI_LAYER_NETWORK -> ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
                case COMPUTATION_GRAPH -> GraphChain.toMultiLayerNetwork(ModelSerializer.restoreComputationGraph(file.toFile(),
                        false), file.toString());
                case KERAS_HDF5 -> KerasImport.restore(file);
            };
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException("file", file + " is a DL4J model zip that cannot be restored ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); it may be damaged or written by "
                    + "an incompatible DL4J version", e);
        }
    }

    private static String sha256(Path file) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw new ModelFileException("file", file + ": no such model file", e);
        } catch (IOException e) {
            throw new ModelFileException("file", file + " cannot be read (" + e + ")", e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
