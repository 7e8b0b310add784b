package org.transferlab.transfer.regression;

import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.transfer.ValuePredictor;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkFactory;

/**
 * A multilayer perceptron regressor (ReLU hidden layers, one linear output, squared error) over features
 * scaled by {@link InputScaling}'s rule (standardised, for the tabular data regression has) and a standardised
 * target, both with the statistics of the data it was first trained on. Continuing to train it on other data
 * (fine-tuning) keeps those statistics, so the network sees the new domain through the same scaling it
 * learned on.
 */
final class MlpRegressor implements ValuePredictor {
    private final MultiLayerNetwork network;
    private final InputScaling features;
    private final double targetMean;
    private final double targetScale;

    private MlpRegressor(MultiLayerNetwork network, InputScaling features, double targetMean, double targetScale) {
        this.network = network;
        this.features = features;
        this.targetMean = targetMean;
        this.targetScale = targetScale;
    }

    /** An untrained network for inputs of {@code shape} whose scaling comes from {@code scaling}'s features and targets. */
    static MlpRegressor initialised(List<Integer> hidden, FeatureShape shape, Examples scaling, double learningRate, long seed) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(NetworkFactory.adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list();
        for (int units : hidden) {
            layers.layer(new DenseLayer.Builder().nOut(units).activation(Activation.RELU).build());
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(1).activation(Activation.IDENTITY).build());
        layers.setInputType(InputType.feedForward(scaling.featureCount()));
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        double[] y = scaling.values();
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        double variance = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        return new MlpRegressor(network, InputScaling.forTraining(shape, scaling), mean,
                variance > 1e-24 ? Math.sqrt(variance) : 1);
    }

    /** A copy with its own weights and updater state, the same scaling and a new learning rate. */
    MlpRegressor copyWithLearningRate(double learningRate) {
        MultiLayerNetwork copy = new MultiLayerNetwork(network.getLayerWiseConfigurations().clone());
        copy.init(network.params().dup(), false);
        copy.setLearningRate(learningRate);
        return new MlpRegressor(copy, features, targetMean, targetScale);
    }

    /** One pass over {@code train} in minibatches of {@code batchSize}, in an order drawn from {@code random}. */
    void epoch(Examples train, int batchSize, SplittableRandom random) {
        int n = train.size();
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int start = 0; start < n; start += batchSize) {
            int[] rows = java.util.Arrays.copyOfRange(order, start, Math.min(n, start + batchSize));
            Examples batch = train.subset(rows);
            network.fit(new DataSet(inputs(batch), targets(batch)));
        }
    }

    /** The current weights, to restore the best epoch after early stopping. */
    INDArray parameters() {
        return network.params().dup();
    }

    void restore(INDArray parameters) {
        network.setParams(parameters);
    }

    @Override
    public double[] predictValues(Examples examples) {
        if (examples.size() == 0) {
            return new double[0];
        }
        INDArray out = network.output(inputs(examples), false);
        double[] y = new double[examples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = out.getDouble(i, 0) * targetScale + targetMean;
        }
        return y;
    }

    private INDArray inputs(Examples examples) {
        return Nd4j.create(features.apply(examples).featureMatrix(), new long[] {examples.size(), examples.featureCount()}, 'c');
    }

    private INDArray targets(Examples examples) {
        float[] y = new float[examples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) ((examples.valueOf(i) - targetMean) / targetScale);
        }
        return Nd4j.create(y, new long[] {y.length, 1}, 'c');
    }
}
