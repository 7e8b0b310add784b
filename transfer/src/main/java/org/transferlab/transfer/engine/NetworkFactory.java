package org.transferlab.transfer.engine;

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
                .updater(adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list();
        if (spec.type() == NetworkSpec.Type.CNN) {
            checkInput(spec, shape);
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

    /**
     * Throws unless a network of {@code spec} can read inputs of {@code shape}: a cnn needs images, and
     * images large enough for its blocks (each a 5x5 convolution without padding, taking 4 pixels off
     * each side length, then 2x2 max pooling, halving it), so that the error names the sizes rather than
     * coming from DL4J halfway through building the network. Channels are any number (grey, RGB).
     */
    public static void checkInput(NetworkSpec spec, FeatureShape shape) {
        if (spec.type() != NetworkSpec.Type.CNN) {
            return;
        }
        if (!shape.isImage()) {
            throw new TransferLabException("network type cnn needs image domains, but the domain's features are flat ("
                    + shape.size() + " values); use type mlp");
        }
        int side = 1;
        for (int block = 0; block < spec.convFilters().size(); block++) {
            side = 2 * side + 4;
        }
        if (shape.height() < side || shape.width() < side) {
            throw new TransferLabException("network type cnn with conv-filters " + spec.convFilters() + " needs images of at "
                    + "least " + side + "x" + side + " pixels (each block is a 5x5 convolution, then 2x2 max pooling), but the "
                    + "domain's are " + shape.width() + "x" + shape.height() + "; give fewer conv-filters or larger images");
        }
    }

    /**
     * Adam at {@code learningRate} with DL4J's defaults, computed as {@link ElementwiseAdam}: the updater of every
     * network TransferLab trains.
     */
    public static Adam adam(double learningRate) {
        return new ElementwiseAdam(learningRate);
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
