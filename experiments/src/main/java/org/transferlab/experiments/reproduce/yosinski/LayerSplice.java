package org.transferlab.experiments.reproduce.yosinski;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.factory.Nd4j;
import org.transferlab.transfer.engine.NetworkFactory;

/**
 * Builds a Yosinski network: a freshly initialised network of the base's architecture whose first
 * {@code n} layers take the base network's trained weights, frozen or left trainable. It is the
 * {@code layer-transfer} strategy's construction, applied by {@link Selffer} to baseB, the network
 * {@code target-only} trained on the same B data (layer-transfer only sees a source model trained on other data).
 */
final class LayerSplice {
    private LayerSplice() {
    }

    /** {@code fresh} is changed in place and returned, unless frozen layers need DL4J's rebuilt network. */
    static MultiLayerNetwork splice(MultiLayerNetwork fresh, MultiLayerNetwork base, int n, boolean frozen, double learningRate,
                                    long seed) {
        for (int layer = 0; layer < n; layer++) {
            if (fresh.getLayer(layer).numParams() > 0) {
                fresh.getLayer(layer).params().assign(base.getLayer(layer).params());
            }
        }
        if (!frozen) {
            return fresh;
        }
        // Rebuilding may draw from ND4J's thread-local generator; seed it so the result depends on the seed only.
        Nd4j.getRandom().setSeed(seed);
        return new TransferLearning.Builder(fresh)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(NetworkFactory.adam(learningRate)).seed(seed).build())
                .setFeatureExtractor(n - 1)
                .build();
    }
}
