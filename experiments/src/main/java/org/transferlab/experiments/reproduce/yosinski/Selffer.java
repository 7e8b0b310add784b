package org.transferlab.experiments.reproduce.yosinski;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.baseline.TargetOnly;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.TrainingLog;
import org.transferlab.transfer.engine.TrainingSchedule;
import org.transferlab.transfer.network.TargetTraining;

/**
 * The "selffer" control of Yosinski, Clune, Bengio &amp; Lipson, "How transferable are features in deep neural
 * networks?" (NeurIPS 2014): BnB (frozen) and BnB+ (fine-tuned). It takes the first n layers of the very network
 * {@code target-only} trains in this cell (baseB, with the same parameters, initialisation and data order), puts
 * them into a freshly initialised network and trains the rest on the same budget. It transfers nothing from the
 * source: set beside {@code layer-transfer} (AnB, AnB+) it separates what copying layers costs by itself (fragile
 * co-adaptation of neighbouring layers) from what the source's features bring. Registered as {@value #NAME}; the
 * {@code yosinski2014} reproduction runs it, and any classification study can.
 *
 * <p>baseB is trained once per cell seed and shared by the cells of that seed (through
 * {@link TransferContext#sourceArtifacts()}, keyed by the cell's seed and the schedule, which fix the budget and the
 * network), and copied before any training.
 */
public final class Selffer extends ClassificationStrategy<Selffer.Parameters> {
    public static final String NAME = "selffer";

    /**
     * @param layers       how many layers, from the input, are copied from baseB (default 1)
     * @param frozen       keep the copied layers fixed (BnB, default) or train them too (BnB+)
     * @param learningRate Adam learning rate of baseB and of this network (default 0.001)
     * @param maxEpochs    upper bound on epochs of both (default 100)
     * @param patience     epochs without a lower validation loss before stopping, for both (default 10); with no
     *                     validation split, the training loss; set it to max-epochs for fixed-length training
     * @param batchSize    minibatch size of both (default 32)
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

        /** target-only's parameters that train baseB. */
        TargetOnly.Parameters base() {
            return new TargetOnly.Parameters(learningRate, maxEpochs, patience, batchSize);
        }
    }

    public Selffer() {
        super(Parameters.class);
    }

    /** It learns from the target alone. */
    @Override
    public boolean usesSourceModel(Selffer.Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        TargetOnly.TrainedNetwork base = context.sourceArtifacts().get("selffer-base/" + Long.toHexString(context.seed())
                + "/" + p.base(), () -> TargetOnly.trainedNetwork(p.base(), context, TrainingLog.NONE));
        int hidden = base.network().getnLayers() - 1;
        if (p.layers() > hidden) {
            throw new IllegalArgumentException("layers is " + p.layers() + " but the network has only " + hidden
                    + " layers below its output layer");
        }
        long seed = Seeds.derive(context.seed(), NAME, "init");
        MultiLayerNetwork fresh = NetworkFactory.classifier(context.network(), context.shape(), context.classCount(),
                p.learningRate(), seed);
        MultiLayerNetwork network = LayerSplice.splice(fresh, base.network().clone(), p.layers(), p.frozen(), p.learningRate(),
                seed);
        return TargetTraining.fit(network, base.scaling(), new TrainingSchedule(p.learningRate(), p.maxEpochs(), p.patience(),
                p.batchSize()), context, NAME);
    }
}
