package org.transferlab.transfer.network;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.ClassProbabilities;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkEvaluation;

/**
 * Predicts the arg-max class of a DL4J classifier, in batches to bound memory, scaling each example's features
 * the way the network's training inputs were scaled.
 */
public final class NetworkPredictor implements ClassProbabilities {
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
        return NetworkEvaluation.classes(network, scaling.apply(given));
    }

    @Override
    public double[][] probabilities(Examples given) {
        return NetworkEvaluation.probabilities(network, scaling.apply(given));
    }
}
