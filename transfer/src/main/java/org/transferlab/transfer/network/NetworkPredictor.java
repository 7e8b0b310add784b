package org.transferlab.transfer.network;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.Predictor;

/**
 * Predicts the arg-max class of a DL4J classifier, in batches to bound memory, scaling each example's features
 * the way the network's training inputs were scaled.
 */
public final class NetworkPredictor implements Predictor {
    private static final int BATCH = 1024;
    private final MultiLayerNetwork network;
    private final InputScaling scaling;

    /** A predictor for a network that takes features as they are given (already scaled, or images). */
    public NetworkPredictor(MultiLayerNetwork network) {
        this(network, InputScaling.NONE);
    }

    /** A predictor that scales examples by {@code scaling} before {@code network} sees them. */
    public NetworkPredictor(MultiLayerNetwork network, InputScaling scaling) {
        this.network = network;
        this.scaling = java.util.Objects.requireNonNull(scaling, "scaling");
    }

    /** The fitted network, for inspection. */
    public MultiLayerNetwork network() {
        return network;
    }

    /** How examples are scaled before the network sees them. */
    public InputScaling inputScaling() {
        return scaling;
    }

    @Override
    public int[] predictClasses(Examples given) {
        Examples examples = scaling.apply(given);
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

    /** The share of {@code examples}, already scaled as {@code network}'s inputs, whose class it predicts correctly. */
    public static double accuracy(MultiLayerNetwork network, Examples examples) {
        int[] predicted = new NetworkPredictor(network).predictClasses(examples);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == examples.classOf(i)) {
                correct++;
            }
        }
        return (double) correct / Math.max(1, predicted.length);
    }
}
