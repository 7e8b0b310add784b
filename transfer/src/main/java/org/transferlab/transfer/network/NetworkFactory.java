package org.transferlab.transfer.network;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.FeatureShape;

/** Builds freshly initialised DL4J networks from a {@link NetworkSpec}. */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    /** A new classifier for inputs of {@code shape} and {@code classes} outputs, initialised from {@code seed}. */
    public static MultiLayerNetwork classifier(NetworkSpec spec, FeatureShape shape, int classes,
                                               double learningRate, long seed) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list();
        if (spec.type() == NetworkSpec.Type.CNN) {
            if (!shape.isImage()) {
                throw new TransferLabException("network type cnn needs image domains, but the domain's features are flat ("
                        + shape.size() + " values); use type mlp");
            }
            for (int filters : spec.convFilters()) {
                layers.layer(new ConvolutionLayer.Builder(5, 5).nOut(filters).activation(Activation.RELU).build());
                layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build());
            }
        }
        for (int units : spec.hidden()) {
            layers.layer(new DenseLayer.Builder().nOut(units).activation(Activation.RELU).build());
        }
        layers.layer(outputLayer(spec.hidden().get(spec.hidden().size() - 1), classes));
        layers.setInputType(spec.type() == NetworkSpec.Type.CNN
                ? InputType.convolutionalFlat(shape.height(), shape.width(), shape.channels())
                : InputType.feedForward(shape.size()));
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }

    /** A softmax output layer for {@code classes} classes on top of {@code inputs} features. */
    public static OutputLayer outputLayer(int inputs, int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(inputs).nOut(classes)
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .build();
    }
}
