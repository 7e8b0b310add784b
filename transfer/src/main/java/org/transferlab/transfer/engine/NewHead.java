package org.transferlab.transfer.engine;

import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.factory.Nd4j;

/** A source network with its layers above the cut replaced by a new softmax output layer for the target's classes. */
public final class NewHead {
    private NewHead() {
    }

    /**
     * A copy of {@code source} cut at its {@link SourceModel#lastHiddenLayer()}, with a new output layer for
     * {@code classes} classes initialised from {@code seed}, trained by Adam at {@code learningRate}, and its layers
     * 0..{@code frozenThrough} frozen (-1: none). Built with DL4J's TransferLearning API.
     */
    public static MultiLayerNetwork on(SourceModel source, int classes, long seed, double learningRate, int frozenThrough) {
        MultiLayerNetwork copy = source.copy();
        int lastHidden = source.lastHiddenLayer();
        long features = ((FeedForwardLayer) copy.getLayer(lastHidden).conf().getLayer()).getNOut();
        // TransferLearning initialises the new layer from ND4J's (thread-local) random generator without
        // re-seeding it, so without this the head depended on whatever this thread had drawn before.
        Nd4j.getRandom().setSeed(seed);
        TransferLearning.Builder builder = new TransferLearning.Builder(copy)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder()
                        .updater(NetworkFactory.adam(learningRate))
                        .seed(seed)
                        .build());
        if (frozenThrough >= 0) {
            builder.setFeatureExtractor(frozenThrough);
        }
        // The layers above the cut go (for a network TransferLab trained, just its output layer).
        return builder.removeLayersFromOutput(copy.getnLayers() - 1 - lastHidden)
                .addLayer(NetworkFactory.outputLayer((int) features, classes))
                .build();
    }
}
