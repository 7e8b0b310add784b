package org.transferlab.transfer.baseline;

import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.engine.Batches;

/** A classifier's softmax outputs, computed in batches to bound memory, and arg-max over the first classes. */
final class NetworkOutputs {
    private static final int BATCH = 1024;

    private NetworkOutputs() {
    }

    /** The class probabilities of every example, row-major: {@code examples.size()} rows of the network's outputs. */
    static float[] probabilities(MultiLayerNetwork network, Examples examples) {
        return probabilities(network, examples, UnaryOperator.identity());
    }

    /**
     * The class probabilities of every example mapped into the network's input by {@code features}, which is
     * applied one batch at a time so that a widened copy of a whole test partition is never held.
     */
    static float[] probabilities(MultiLayerNetwork network, Examples examples, UnaryOperator<Examples> features) {
        float[] all = null;
        for (int start = 0; start < examples.size(); start += BATCH) {
            int[] rows = IntStream.range(start, Math.min(examples.size(), start + BATCH)).toArray();
            INDArray out = network.output(Batches.features(features.apply(examples.subset(rows))), false);
            int width = (int) out.size(1);
            if (all == null) {
                all = new float[examples.size() * width];
            }
            float[] batch = out.castTo(DataType.FLOAT).dup('c').data().asFloat();
            System.arraycopy(batch, 0, all, start * width, batch.length);
        }
        return all == null ? new float[0] : all;
    }

    /** Per row of {@code width} values, the index of the largest among the first {@code classes}; the first on ties. */
    static int[] argMax(float[] rows, int width, int classes) {
        int[] best = new int[rows.length / width];
        for (int i = 0; i < best.length; i++) {
            for (int c = 1; c < classes; c++) {
                if (rows[i * width + c] > rows[i * width + best[i]]) {
                    best[i] = c;
                }
            }
        }
        return best;
    }
}
