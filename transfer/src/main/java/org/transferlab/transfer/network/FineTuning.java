package org.transferlab.transfer.network;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.TrainingSchedule;

/**
 * Fine-tuning: the source network gets a new softmax output layer for the target's classes and its
 * layers are trained on the target budget, at a smaller learning rate than the source was trained
 * with so the transferred features are adapted rather than overwritten (Yosinski et al., NeurIPS 2014,
 * "AnB+"; Girshick et al., CVPR 2014). With {@code top-layers: k} only the top k layers (the new output
 * layer counting as one) are trained and the rest stay frozen, the usual compromise between feature
 * extraction (k = 1) and full fine-tuning (Howard &amp; Ruder, "ULMFiT", ACL 2018, discuss both). Make
 * k a grid axis with variants: {@code fine-tuning@top2: {top-layers: 2}}. Built with DL4J's
 * TransferLearning API.
 *
 * <p>Registered as {@code fine-tuning} among the classification strategies.
 */
public final class FineTuning extends ClassificationStrategy<FineTuning.Parameters> {
    public static final String NAME = "fine-tuning";

    /**
     * @param learningRate Adam learning rate of every layer (default 0.0003, a third of the source's)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     * @param topLayers    how many layers, counted from the output, are trained; 0 for all (default 0)
     */
    public record Parameters(
            @Default("0.0003") double learningRate,
            @Default("100") int maxEpochs,
            @Default("10") int patience,
            @Default("32") int batchSize,
            @Default("0") int topLayers) {
        public Parameters {
            new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
            if (topLayers < 0) {
                throw new IllegalArgumentException("top-layers must be 0 (all) or positive, got " + topLayers);
            }
        }

        TrainingSchedule schedule() {
            return new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }
    }

    public FineTuning() {
        super(FineTuning.Parameters.class);
    }


    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        SourceModel source = context.sourceModel();
        int layers = source.lastHiddenLayer() + 2;
        if (p.topLayers() > layers) {
            throw new IllegalArgumentException("top-layers is " + p.topLayers() + " but the network has only " + layers + " layers");
        }
        int frozenThrough = p.topLayers() == 0 ? -1 : layers - 1 - p.topLayers();
        MultiLayerNetwork network = FeatureExtraction.newHead(source, context, p.learningRate(), frozenThrough);
        return TargetTraining.fit(network, source.inputScaling(), p.schedule(), context, NAME);
    }
}
