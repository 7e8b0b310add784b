package org.transferlab.transfer.network;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.TrainingSchedule;

/**
 * Layer transfer: the first n layers are copied from the source network and the rest of the network
 * is re-initialised and trained on the target; the copied layers are either frozen ("AnB") or trained
 * too ("AnB+") (Yosinski, Clune, Bengio &amp; Lipson, "How transferable are features in deep neural
 * networks?", NeurIPS 2014). Make n a grid axis with variants, for example
 * {@code layer-transfer@n2: {layers: 2}}. Layers are DL4J layer indices: in a CNN a pooling layer counts
 * as one.
 *
 * <p>Registered as {@code layer-transfer} among the classification strategies.
 */
public final class LayerTransfer extends ClassificationStrategy<LayerTransfer.Parameters> {
    public static final String NAME = "layer-transfer";

    /**
     * @param layers       how many layers, from the input, are copied from the source (default 1)
     * @param frozen       keep the copied layers fixed (AnB, default) or train them too (AnB+)
     * @param learningRate Adam learning rate (default 0.001, the source network's)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     */
    public record Parameters(
            @Default("1") int layers,
            @Default("true") boolean frozen,
            @Default("0.001") double learningRate,
            @Default("100") int maxEpochs,
            @Default("10") int patience,
            @Default("32") int batchSize) {
        public Parameters {
            if (layers < 1) {
                throw new IllegalArgumentException("layers must be at least 1, got " + layers);
            }
            new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }
    }

    public LayerTransfer() {
        super(LayerTransfer.Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        SourceModel source = context.sourceModel();
        int hidden = source.lastHiddenLayer() + 1;
        if (p.layers() > hidden) {
            throw new IllegalArgumentException("layers is " + p.layers() + " but the source network has only " + hidden
                    + " layers below its output layer");
        }
        long seed = Seeds.derive(context.seed(), NAME, "init");
        MultiLayerNetwork network = source.fromFile() ? freshCopyOfFile(source, context, p.learningRate(), seed)
                : NetworkFactory.classifier(source.spec(), context.shape(), context.classCount(), p.learningRate(), seed);
        MultiLayerNetwork trained = source.copy();
        for (int layer = 0; layer < p.layers(); layer++) {
            if (network.getLayer(layer).numParams() > 0) {
                network.getLayer(layer).params().assign(trained.getLayer(layer).params());
            }
        }
        if (p.frozen()) {
            // Rebuilding may draw from ND4J's thread-local generator; seed it so the result depends on the cell only.
            Nd4j.getRandom().setSeed(seed);
            network = new TransferLearning.Builder(network)
                    .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(NetworkFactory.adam(p.learningRate())).seed(seed).build())
                    .setFeatureExtractor(p.layers() - 1)
                    .build();
        }
        // The copied layers were trained on the source's scaled inputs, so the target's are scaled the same way.
        return TargetTraining.fit(network, source.inputScaling(),
                new TrainingSchedule(p.learningRate(), p.maxEpochs(), p.patience(), p.batchSize()), context, NAME);
    }

    /**
     * A model file's architecture (which no {@link NetworkSpec} describes) up to its cut, with a new head,
     * every layer freshly initialised from {@code seed}; the caller copies the first layers back in.
     */
    private static MultiLayerNetwork freshCopyOfFile(SourceModel source, TransferContext context, double learningRate, long seed) {
        org.deeplearning4j.nn.conf.MultiLayerConfiguration layout =
                FeatureExtraction.newHead(source, context, learningRate, -1).getLayerWiseConfigurations().clone();
        layout.getConfs().forEach(layer -> layer.setSeed(seed));
        Nd4j.getRandom().setSeed(seed);
        MultiLayerNetwork fresh = new MultiLayerNetwork(layout);
        fresh.init();
        return fresh;
    }
}
