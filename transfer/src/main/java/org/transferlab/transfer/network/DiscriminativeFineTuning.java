package org.transferlab.transfer.network;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.TrainingSchedule;

/**
 * Fine-tuning with discriminative learning rates: every layer is trained, the new output layer at
 * {@code learning-rate} and each layer below it at the rate of the layer above divided by
 * {@code decay}, so general low-level features move least (Howard &amp; Ruder, "Universal Language
 * Model Fine-tuning for Text Classification", ACL 2018, who use a decay of 2.6).
 *
 * <p>Registered as {@code discriminative-fine-tuning} among the classification strategies.
 */
public final class DiscriminativeFineTuning extends ClassificationStrategy<DiscriminativeFineTuning.Parameters> {
    public static final String NAME = "discriminative-fine-tuning";

    /**
     * @param learningRate Adam learning rate of the output layer (default 0.001)
     * @param decay        factor by which each lower layer's learning rate shrinks, at least 1 (default 2.6)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     */
    public record Parameters(
            @Default("0.001") double learningRate,
            @Default("2.6") double decay,
            @Default("100") int maxEpochs,
            @Default("10") int patience,
            @Default("32") int batchSize) {
        public Parameters {
            new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
            if (!(decay >= 1)) {
                throw new IllegalArgumentException("decay must be at least 1, got " + decay);
            }
        }
    }

    public DiscriminativeFineTuning() {
        super(DiscriminativeFineTuning.Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        MultiLayerNetwork network = FeatureExtraction.newHead(context.sourceModel(), context, p.learningRate(), -1);
        int top = network.getnLayers() - 1;
        for (int layer = 0; layer <= top; layer++) {
            if (network.getLayer(layer).conf().getLayer() instanceof BaseLayer base) {
                base.setIUpdater(NetworkFactory.adam(p.learningRate() / Math.pow(p.decay(), top - layer)));
            }
        }
        // The updater is built from the layer configurations on first use; make sure it is built from these.
        network.setUpdater(null);
        return TargetTraining.fit(network, context.sourceModel().inputScaling(),
                new TrainingSchedule(p.learningRate(), p.maxEpochs(), p.patience(), p.batchSize()), context, NAME);
    }
}
