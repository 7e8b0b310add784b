package org.transferlab.transfer.network;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NewHead;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.TrainingSchedule;

/**
 * Feature extraction: the source network's layers up to its last hidden layer are frozen, its output
 * layer is replaced by a new softmax layer for the target's classes, and only that head is trained on
 * the target budget (Donahue et al., "DeCAF", ICML 2014; Yosinski et al., "How transferable are
 * features in deep neural networks?", NeurIPS 2014). Built with DL4J's TransferLearning API; since the frozen
 * layers never change, the head is trained on their activations, computed once per source model and target
 * ({@link TargetTraining#fitHead}), and predicts through the whole network.
 *
 * <p>A new head on frozen features wants a larger learning rate than fine-tuning: on Fashion-MNIST
 * 0-4 to 5-9 with 100 labels per class, a head reached 0.73 accuracy at 0.001 and 0.89 at 0.01
 * (shared/STACK.md), hence the default of 0.01.
 *
 * <p>Registered as {@code feature-extraction} among the classification strategies.
 */
public final class FeatureExtraction extends ClassificationStrategy<FeatureExtraction.Parameters> {
    public static final String NAME = "feature-extraction";

    /**
     * @param learningRate Adam learning rate of the new head (default 0.01)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     */
    public record Parameters(
            @Default("0.01") double learningRate,
            @Default("100") int maxEpochs,
            @Default("10") int patience,
            @Default("32") int batchSize) {
        public Parameters {
            new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }

        TrainingSchedule schedule() {
            return new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }
    }

    public FeatureExtraction() {
        super(FeatureExtraction.Parameters.class);
    }


    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        SourceModel source = context.sourceModel();
        MultiLayerNetwork network = newHead(source, context, p.learningRate(), source.lastHiddenLayer());
        return TargetTraining.fitHead(network, source, p.schedule(), context, NAME);
    }

    /**
     * The source network with a new output layer for the target's classes, its layers 0..{@code frozenThrough}
     * frozen (-1: none), the head initialised from the cell's seed.
     */
    static MultiLayerNetwork newHead(SourceModel source, TransferContext context, double learningRate, int frozenThrough) {
        return NewHead.on(source, context.classCount(), Seeds.derive(context.seed(), "head-init"), learningRate, frozenThrough);
    }
}
