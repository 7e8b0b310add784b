package org.transferlab.transfer.engine;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The output layer of a network whose other layers are all frozen, as a network of its own that reads the
 * frozen layers' activations. Training it on those activations, computed once, is training the whole network:
 * frozen layers get no updates, so their forward pass on every minibatch (and on every epoch's train and
 * validation scoring) gives the same activations each time. The head keeps the whole network's layer
 * configuration (updater, initial weights), and {@link #copyInto} puts the trained weights back.
 */
public final class HeadOnly {
    private HeadOnly() {
    }

    /** A network made of {@code network}'s output layer only, with its configuration and current weights. */
    public static MultiLayerNetwork of(MultiLayerNetwork network) {
        int output = network.getnLayers() - 1;
        MultiLayerConfiguration whole = network.getLayerWiseConfigurations();
        NeuralNetConfiguration head = whole.getConf(output).clone();
        MultiLayerConfiguration alone = new MultiLayerConfiguration.Builder()
                .confs(List.of(head))
                .dataType(whole.getDataType())
                .trainingWorkspaceMode(whole.getTrainingWorkspaceMode())
                .inferenceWorkspaceMode(whole.getInferenceWorkspaceMode())
                .cacheMode(whole.getCacheMode())
                .build();
        MultiLayerNetwork headOnly = new MultiLayerNetwork(alone);
        headOnly.init(network.getLayer(output).params().dup(), false);
        return headOnly;
    }

    /** Whether every layer of {@code network} but its output layer is frozen (has no trainable parameters updated). */
    public static boolean restIsFrozen(MultiLayerNetwork network) {
        for (int layer = 0; layer < network.getnLayers() - 1; layer++) {
            if (!(network.getLayer(layer) instanceof org.deeplearning4j.nn.layers.FrozenLayer)
                    && network.getLayer(layer).numParams() > 0) {
                return false;
            }
        }
        return true;
    }

    /** Copies {@code head}'s trained weights into the output layer of {@code network}. */
    public static void copyInto(MultiLayerNetwork head, MultiLayerNetwork network) {
        network.getLayer(network.getnLayers() - 1).params().assign(head.params());
    }
}
