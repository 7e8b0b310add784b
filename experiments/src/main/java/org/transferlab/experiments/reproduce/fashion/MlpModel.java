package org.transferlab.experiments.reproduce.fashion;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.Predictor;
import org.transferlab.transfer.engine.EarlyStoppingTrainer;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.TrainingLog;
import org.transferlab.transfer.engine.TrainingSchedule;
import org.transferlab.transfer.network.NetworkPredictor;

/**
 * The DL4J MLP in scikit-learn's {@code MLPClassifier} defaults as the paper ran it: one hidden layer of
 * {@code hidden} ReLU units, Adam at 0.001, minibatches of 200, at most {@code maxEpochs} epochs, stopped
 * when the training loss has not improved for 10 epochs (scikit-learn stops when it has not improved by
 * 1e-4 for 10; TransferLab's trainer has no tolerance).
 */
final class MlpModel implements BenchmarkModel {
    private final int hidden;
    private final int maxEpochs;

    MlpModel(int hidden, int maxEpochs) {
        this.hidden = hidden;
        this.maxEpochs = maxEpochs;
    }

    @Override
    public Predictor fit(Examples train, int classes, long seed, int threads) {
        NetworkSpec spec = new NetworkSpec(NetworkSpec.Type.MLP, List.of(hidden), List.of(), 1, 200, 0.001, seed);
        MultiLayerNetwork network = NetworkFactory.classifier(spec, FeatureShape.flat(train.featureCount()), classes, 0.001,
                Seeds.derive(seed, "mlp-init"));
        Examples noValidation = Examples.classified(new float[0], train.featureCount(), new int[0]);
        new EarlyStoppingTrainer(new TrainingSchedule(0.001, maxEpochs, 10, 200))
                .train(network, train, noValidation, classes, Seeds.derive(seed, "mlp-order"), "mlp", TrainingLog.NONE);
        return new NetworkPredictor(network);
    }
}
