package org.transferlab.transfer.baseline;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.network.InputScaling;
import org.transferlab.transfer.network.NetworkFactory;
import org.transferlab.transfer.network.TargetTraining;
import org.transferlab.transfer.network.TrainingSchedule;

/**
 * The no-transfer baseline: the same architecture as the source network, randomly initialised and
 * trained on the target budget only, with the same early stopping as the transfer strategies. Every
 * transfer result is reported as a difference from this one (the "TGTONLY" baseline of Daumé III,
 * "Frustratingly Easy Domain Adaptation", ACL 2007). Tabular inputs are standardised with the budget's
 * training rows ({@link InputScaling}).
 */
public final class TargetOnly extends ClassificationStrategy<TargetOnly.Parameters> {
    public static final String NAME = "target-only";

    /**
     * @param learningRate Adam learning rate (default 0.001, the source network's)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     */
    public record Parameters(
            @Default("0.001") double learningRate,
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

    public TargetOnly() {
        super(TargetOnly.Parameters.class);
    }

    /** The no-transfer baseline itself. */
    @Override
    public java.util.Optional<Parameters> withoutTransfer(Parameters parameters) {
        return java.util.Optional.of(parameters);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return TargetTraining.fit(network(p, context), TargetTraining.fromScratch(context), p.schedule(), context, NAME);
    }

    /** A fresh network of the context's architecture, initialised from target-only's seed for this cell. */
    static MultiLayerNetwork network(Parameters p, TransferContext context) {
        return NetworkFactory.classifier(context.network(), context.shape(), context.classCount(), p.learningRate(),
                Seeds.derive(context.seed(), NAME, "init"));
    }
}
