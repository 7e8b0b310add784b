package org.transferlab.transfer.adaptation;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J network without an output layer, trained by gradients computed outside it: {@link #forward} keeps the
 * layers' inputs, {@link #backward} takes d loss / d output, backpropagates it through DL4J's layers, applies the
 * network's updater and returns d loss / d input. This is how a loss that DL4J's output layers cannot express (a
 * discrepancy between two domains' features, a reversed gradient) trains a network built from a source model,
 * convolutional or dense. The gradient handed in is that of the whole minibatch objective (a mean, not a sum), so
 * the updater is told the minibatch has one example and does not divide it again.
 */
final class ExternalErrorNetwork {
    private final MultiLayerNetwork network;
    private int iteration;

    ExternalErrorNetwork(MultiLayerNetwork network) {
        if (network.getOutputLayer() instanceof org.deeplearning4j.nn.api.layers.IOutputLayer) {
            throw new IllegalArgumentException("an externally trained network must not end in an output layer");
        }
        this.network = network;
    }

    /** The training-mode output for {@code input}, the layers keeping what {@link #backward} needs. */
    INDArray forward(INDArray input) {
        network.setInput(input);
        List<INDArray> activations = network.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    /** Backpropagates {@code dOutput} from the last {@link #forward}, takes one updater step and returns d loss / d input. */
    INDArray backward(INDArray dOutput, int epoch) {
        Pair<Gradient, INDArray> backprop = network.backpropGradient(dOutput.castTo(DataType.FLOAT),
                LayerWorkspaceMgr.noWorkspaces());
        Gradient gradient = backprop.getFirst();
        network.getUpdater().update(network, gradient, iteration++, epoch, 1, LayerWorkspaceMgr.noWorkspaces());
        network.params().subi(gradient.gradient());
        return backprop.getSecond();
    }

    /**
     * Backpropagates {@code dOutput} from the last {@link #forward} and returns d loss / d input, leaving the weights
     * as they are: a frozen network that gradients pass through (SHOT's source classifier).
     */
    INDArray inputGradient(INDArray dOutput) {
        return network.backpropGradient(dOutput.castTo(DataType.FLOAT), LayerWorkspaceMgr.noWorkspaces()).getSecond();
    }

    /** The inference-mode output for {@code input}. */
    INDArray output(INDArray input) {
        return network.output(input, false);
    }

    INDArray params() {
        return network.params();
    }

    void setParams(INDArray params) {
        network.setParams(params);
    }

    MultiLayerNetwork network() {
        return network;
    }

    static INDArray array(double[][] rows) {
        return Nd4j.create(rows).castTo(DataType.FLOAT);
    }

    static double[][] rows(INDArray array) {
        return array.castTo(DataType.DOUBLE).toDoubleMatrix();
    }
}
