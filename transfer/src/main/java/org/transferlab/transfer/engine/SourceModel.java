package org.transferlab.transfer.engine;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.core.data.Examples;

/**
 * A network trained on a source domain, shared by every cell that transfers from it. Strategies get
 * a {@link #copy()} to adapt, so no cell can change what another cell starts from.
 *
 * <p>It keeps the trained weights and the configuration as JSON, not the network object: DL4J's
 * {@code clone()} shares layer configurations with the original, so a strategy that froze layers or
 * changed learning rates on its copy changed them for every later copy too, and results depended on
 * the order in which cells ran. Copies rebuilt from JSON share nothing, and carry no optimiser state.
 *
 * <p>It also keeps the {@link InputScaling} its inputs were trained with (for tabular sources, the source's
 * training statistics): whatever feeds target examples into the source network or a copy of it scales them
 * with {@link #inputScaling()} first; {@link #embed} does so itself.
 */
public final class SourceModel {
    private final String configuration;
    private final INDArray parameters;
    private final NetworkSpec spec;
    private final List<String> classNames;
    private final long seed;
    private final Map<String, Double> metrics;
    private final int lastHiddenLayer;
    private final boolean fromFile;
    private final InputScaling inputScaling;
    private static final int EMBED_BATCH = 1024;

    /**
     * @param metrics      how the source model did on its own held-out data (for example {@code source_val_accuracy})
     * @param inputScaling how the network's inputs were scaled in training, by {@link InputScaling#forTraining}
     */
    public SourceModel(MultiLayerNetwork network, NetworkSpec spec, List<String> classNames, long seed,
                       Map<String, Double> metrics, InputScaling inputScaling) {
        this(network, spec, classNames, seed, metrics, inputScaling, spec.lastHiddenLayer(), false);
    }

    private SourceModel(MultiLayerNetwork network, NetworkSpec spec, List<String> classNames, long seed,
                        Map<String, Double> metrics, InputScaling inputScaling, int lastHiddenLayer, boolean fromFile) {
        this.configuration = network.getLayerWiseConfigurations().toJson();
        this.parameters = network.params().dup();
        this.spec = spec;
        this.classNames = List.copyOf(classNames);
        this.seed = seed;
        this.metrics = Map.copyOf(metrics);
        this.inputScaling = java.util.Objects.requireNonNull(inputScaling, "inputScaling");
        this.lastHiddenLayer = lastHiddenLayer;
        this.fromFile = fromFile;
    }

    /**
     * A network someone else trained, read from a model file ({@code org.transferlab.transfer.pretrained}):
     * its own architecture, cut at {@code cutAt} (the layer whose activations are the transferred features;
     * the layers above it are dropped by the strategies that put a new head on it). It has no held-out
     * metrics, since no source test data comes with a file, and no input scaling: a file carries no
     * statistics of the rows it was trained on, so features go in as the target's loader gives them.
     *
     * @param classNames the names of its softmax outputs, in output order; empty when it has no class outputs
     * @param studyNetwork the study's {@code network} section, which the file's architecture does not follow
     */
    public static SourceModel fromFile(MultiLayerNetwork network, int cutAt, List<String> classNames, NetworkSpec studyNetwork) {
        return new SourceModel(network, studyNetwork, classNames, 0, Map.of(), InputScaling.NONE, cutAt, true);
    }

    /**
     * A fresh network with the trained weights, sharing nothing with this model or other copies. It expects
     * inputs scaled by {@link #inputScaling()}.
     */
    public MultiLayerNetwork copy() {
        MultiLayerNetwork copy = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configuration));
        copy.init(parameters.dup(), false);
        return copy;
    }

    /**
     * The activations of layer {@code layer} (0-based, as in {@link #lastHiddenLayer()})
     * for every example, row-major: the source network's representation of them, the examples scaled by
     * {@link #inputScaling()} on the way in. Only the features are read.
     */
    public Embedding embed(Examples examples, int layer) {
        if (layer < 0 || layer > lastHiddenLayer) {
            throw new IllegalArgumentException("layer " + layer + " is not a hidden layer of the source network (0.."
                    + lastHiddenLayer + ")");
        }
        // A network holds its last activations, so concurrent callers each need their own.
        MultiLayerNetwork network = copy();
        Examples scaled = inputScaling.apply(examples);
        float[] values = null;
        int width = 0;
        for (int start = 0; start < examples.size(); start += EMBED_BATCH) {
            int[] rows = java.util.stream.IntStream.range(start, Math.min(examples.size(), start + EMBED_BATCH)).toArray();
            INDArray activations = network.feedForwardToLayer(layer, Batches.features(scaled.subset(rows)), false).get(layer + 1);
            INDArray flat = activations.reshape('c', rows.length, activations.length() / rows.length);
            if (values == null) {
                width = (int) flat.size(1);
                values = new float[examples.size() * width];
            }
            float[] batch = flat.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
            System.arraycopy(batch, 0, values, start * width, batch.length);
        }
        return new Embedding(values == null ? new float[0] : values, Math.max(width, 1));
    }

    /** Row-major embeddings of some examples: {@code values.length / width} rows of {@code width}. */
    public record Embedding(float[] values, int width) {
    }

    /**
     * The spec the network was trained with; for a model {@link #fromFile() from a file}, the study's network
     * section, which does not describe the file's architecture (use {@link #lastHiddenLayer()} and {@link #copy()}).
     */
    public NetworkSpec spec() {
        return spec;
    }

    /** The index of the layer whose activations are the transferred features: the last one a new head sits on. */
    public int lastHiddenLayer() {
        return lastHiddenLayer;
    }

    /** Whether this network was read from a model file rather than trained by {@link SourceTrainer}. */
    public boolean fromFile() {
        return fromFile;
    }

    public List<String> classNames() {
        return classNames;
    }

    public long seed() {
        return seed;
    }

    public Map<String, Double> metrics() {
        return metrics;
    }

    /** How inputs are scaled before they reach the network: the source's, for every model built from it. */
    public InputScaling inputScaling() {
        return inputScaling;
    }
}
