package org.transferlab.transfer.network;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.TransferStrategy;

/**
 * Fine-tuning: the source network gets a new softmax output layer for the target's classes and all of
 * its layers are trained on the target budget, at a smaller learning rate than the source was trained
 * with so the transferred features are adapted rather than overwritten (Yosinski et al., NeurIPS 2014,
 * "AnB+"; Girshick et al., CVPR 2014). Built with DL4J's TransferLearning API.
 */
public final class FineTuning implements TransferStrategy<FineTuning.Parameters> {
    public static final String NAME = "fine-tuning";

    /**
     * @param learningRate Adam learning rate of every layer (default 0.0003, a third of the source's)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     */
    public record Parameters(
            @Default("0.0003") double learningRate,
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

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    @Override
    public boolean supports(TaskType task) {
        return task == TaskType.CLASSIFICATION;
    }


    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        MultiLayerNetwork network = FeatureExtraction.newHead(context.sourceModel(), context, p.learningRate(), false);
        return TargetTraining.fit(network, p.schedule(), context, NAME);
    }
}
