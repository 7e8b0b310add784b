package org.transferlab.transfer.network;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A network trained on a source domain, shared by every cell that transfers from it. Strategies get
 * a {@link #copy()} to adapt, so no cell can change what another cell starts from.
 */
public final class SourceModel {
    private final MultiLayerNetwork network;
    private final NetworkSpec spec;
    private final List<String> classNames;
    private final long seed;
    private final Map<String, Double> metrics;

    /**
     * @param metrics how the source model did on its own held-out data (for example {@code source_val_accuracy})
     */
    public SourceModel(MultiLayerNetwork network, NetworkSpec spec, List<String> classNames, long seed,
                       Map<String, Double> metrics) {
        this.network = network;
        this.spec = spec;
        this.classNames = List.copyOf(classNames);
        this.seed = seed;
        this.metrics = Map.copyOf(metrics);
    }

    /** A deep copy of the trained network. */
    public MultiLayerNetwork copy() {
        return network.clone();
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
