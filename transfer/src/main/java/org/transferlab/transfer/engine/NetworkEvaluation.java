package org.transferlab.transfer.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.core.data.Examples;

/** A classifier network's class probabilities, arg-max classes and accuracy on examples already scaled as its inputs, in batches to bound memory. */
public final class NetworkEvaluation {
    private static final int BATCH = 1024;

    private NetworkEvaluation() {
    }

    /** The arg-max class of each example, whose features are already scaled as {@code network}'s inputs. */
    public static int[] classes(MultiLayerNetwork network, Examples examples) {
        int[] predicted = new int[examples.size()];
        for (int start = 0; start < examples.size(); start += BATCH) {
            int end = Math.min(examples.size(), start + BATCH);
            int[] rows = java.util.stream.IntStream.range(start, end).toArray();
            INDArray classes = network.output(Batches.features(examples.subset(rows)), false).argMax(1);
            for (int i = 0; i < rows.length; i++) {
                predicted[start + i] = classes.getInt(i);
            }
        }
        return predicted;
    }

    /** Each example's class probabilities, row-major ({@code examples.size()} rows of the network's outputs). */
    public static double[][] probabilities(MultiLayerNetwork network, Examples examples) {
        double[][] out = new double[examples.size()][];
        for (int start = 0; start < examples.size(); start += BATCH) {
            int end = Math.min(examples.size(), start + BATCH);
            int[] rows = java.util.stream.IntStream.range(start, end).toArray();
            INDArray probabilities = network.output(Batches.features(examples.subset(rows)), false);
            for (int i = 0; i < rows.length; i++) {
                out[start + i] = probabilities.getRow(i).toDoubleVector();
            }
        }
        return out;
    }

    /** The share of {@code examples}, already scaled as {@code network}'s inputs, whose class it predicts correctly. */
    public static double accuracy(MultiLayerNetwork network, Examples examples) {
        int[] predicted = classes(network, examples);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == examples.classOf(i)) {
                correct++;
            }
        }
        return (double) correct / Math.max(1, predicted.length);
    }
}
