package org.transferlab.transfer.network;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network trained on a source domain, shared by every cell that transfers from it. Strategies get
 * a {@link #copy()} to adapt, so no cell can change what another cell starts from.
 *
 * <p>It keeps the trained weights and the configuration as JSON, not the network object: DL4J's
 * {@code clone()} shares layer configurations with the original, so a strategy that froze layers or
 * changed learning rates on its copy changed them for every later copy too, and results depended on
 * the order in which cells ran. Copies rebuilt from JSON share nothing, and carry no optimiser state.
 */
public final class SourceModel {
    private final String configuration;
    private final INDArray parameters;
    private final NetworkSpec spec;
    private final List<String> classNames;
    private final long seed;
    private final Map<String, Double> metrics;

    /**
     * @param metrics how the source model did on its own held-out data (for example {@code source_val_accuracy})
     */
    public SourceModel(MultiLayerNetwork network, NetworkSpec spec, List<String> classNames, long seed,
                       Map<String, Double> metrics) {
        this.configuration = network.getLayerWiseConfigurations().toJson();
        this.parameters = network.params().dup();
        this.spec = spec;
        this.classNames = List.copyOf(classNames);
        this.seed = seed;
        this.metrics = Map.copyOf(metrics);
    }

    /** A fresh network with the trained weights, sharing nothing with this model or other copies. */
    public MultiLayerNetwork copy() {
        MultiLayerNetwork copy = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configuration));
        copy.init(parameters.dup(), false);
        return copy;
    }

    public NetworkSpec spec() {
        return spec;
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
}
