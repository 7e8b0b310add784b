package org.transferlab.transfer.baseline;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.TrainingLog;
import org.transferlab.transfer.engine.TrainingSchedule;
import org.transferlab.transfer.network.TargetTraining;

/**
 * The no-transfer baseline: the same architecture as the source network, randomly initialised and
 * trained on the target budget only, with the same early stopping as the transfer strategies. Every
 * transfer result is reported as a difference from this one (the "TGTONLY" baseline of Daumé III,
 * "Frustratingly Easy Domain Adaptation", ACL 2007). Tabular inputs are standardised with the budget's
 * training rows ({@link InputScaling}).
 *
 * <p>With {@code model: logistic} or {@code model: xgboost} it trains a classical Tribuo classifier on the
 * budget instead ({@link ClassifierModel}), the no-transfer line of {@code pooled} with the same model: declare
 * {@code target-only@logistic: {model: logistic}} beside {@code pooled@logistic: {model: logistic}}.
 *
 * <p>Registered as {@code target-only} among the classification strategies.
 */
public final class TargetOnly extends ClassificationStrategy<TargetOnly.Parameters> {
    public static final String NAME = "target-only";

    /**
     * @param learningRate network: Adam learning rate (default 0.001, the source network's)
     * @param maxEpochs    network: upper bound on epochs (default 100)
     * @param patience     network: epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    network: minibatch size (default 32)
     * @param model        network, logistic or xgboost (default network)
     * @param cost         logistic: the inverse regularisation strength C (default 1.0; positive)
     * @param rounds       xgboost: boosting rounds (default 50; at least 1)
     */
    public record Parameters(
            @Default("0.001") double learningRate,
            @Default("100") int maxEpochs,
            @Default("10") int patience,
            @Default("32") int batchSize,
            @Default("network") ClassifierModel model,
            @Default("1.0") double cost,
            @Default("50") int rounds) {
        public Parameters {
            new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
            java.util.Objects.requireNonNull(model, "model");
            ClassifierModel.validate(cost, rounds);
        }

        /** The network with these training settings. */
        public Parameters(double learningRate, int maxEpochs, int patience, int batchSize) {
            this(learningRate, maxEpochs, patience, batchSize, ClassifierModel.NETWORK, 1.0, 50);
        }

        TrainingSchedule schedule() {
            return new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }

        /**
         * What the model uses. A cell's id derives from this text, so cells of the network keep the ids (and the
         * parameter text in results.csv) they had before there were other models.
         */
        @Override
        public String toString() {
            return model.describe("learningRate=" + learningRate + ", maxEpochs=" + maxEpochs + ", patience=" + patience
                    + ", batchSize=" + batchSize, "cost=" + cost, "rounds=" + rounds);
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

    /** It learns from the target alone. */
    @Override
    public boolean usesSourceModel(TargetOnly.Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        InputScaling scaling = TargetTraining.fromScratch(context);
        if (p.model() != ClassifierModel.NETWORK) {
            Examples train = scaling.apply(context.budget().train());
            return ClassicalClassifier.fit(p.model(), p.cost(), p.rounds(), context, scaling, scaling::apply, train,
                    context.classNames(), NAME);
        }
        return TargetTraining.fit(network(p, context), scaling, p.schedule(), context, NAME);
    }

    /**
     * The very network {@link #fit} trains for this cell with network parameters {@code p} (the same initialisation,
     * data order and early stopping), and the input scaling it reads through: for a control that must start from the
     * baseline's own trained network, as the "selffer" networks of Yosinski et al. (NeurIPS 2014) start from baseB.
     * Its epochs go to {@code log}: a network shared by several cells belongs to none of their curves.
     */
    public static TrainedNetwork trainedNetwork(Parameters p, TransferContext context, TrainingLog log) {
        if (p.model() != ClassifierModel.NETWORK) {
            throw new IllegalArgumentException("model: only the network has layers to start from, got " + p.model());
        }
        InputScaling scaling = TargetTraining.fromScratch(context);
        MultiLayerNetwork network = network(p, context);
        TargetTraining.fit(network, scaling, p.schedule(), context, NAME, log);
        return new TrainedNetwork(network, scaling);
    }

    /** A network trained on the budget, and the scaling of its inputs. */
    public record TrainedNetwork(MultiLayerNetwork network, InputScaling scaling) {
    }

    /** A fresh network of the context's architecture, initialised from target-only's seed for this cell. */
    static MultiLayerNetwork network(Parameters p, TransferContext context) {
        return NetworkFactory.classifier(context.network(), context.shape(), context.classCount(), p.learningRate(),
                Seeds.derive(context.seed(), NAME, "init"));
    }
}
