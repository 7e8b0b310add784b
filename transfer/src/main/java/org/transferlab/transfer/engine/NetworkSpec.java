package org.transferlab.transfer.engine;

import java.util.List;
import org.transferlab.core.plugin.Default;

/**
 * The source network's architecture and training, as an experiment config describes it. Target-side
 * training (epochs, learning rates of heads and fine-tuning) belongs to each strategy's parameters.
 *
 * @param type         {@code mlp} (dense layers) or {@code cnn} (convolution and max-pool blocks, then dense layers)
 * @param hidden       sizes of the dense hidden layers, input side first (default [256, 128])
 * @param convFilters  cnn only: filters of each 5x5 convolution, each followed by 2x2 max pooling (default [20, 50])
 * @param epochs       epochs of source training (default 3)
 * @param batchSize    minibatch size of source training (default 64)
 * @param learningRate Adam learning rate of source training (default 0.001)
 * @param seed         base seed of source training; each seed index derives its own from it (default 1)
 */
public record NetworkSpec(
        @Default("mlp") Type type,
        @Default("[256, 128]") List<Integer> hidden,
        @Default("[20, 50]") List<Integer> convFilters,
        @Default("3") int epochs,
        @Default("64") int batchSize,
        @Default("0.001") double learningRate,
        @Default("1") long seed) {

    /** The network families TransferLab builds. */
    public enum Type { MLP, CNN }

    public NetworkSpec {
        hidden = List.copyOf(hidden);
        convFilters = List.copyOf(convFilters);
        if (hidden.isEmpty()) {
            throw new IllegalArgumentException("hidden: at least one hidden layer is needed, so there are features to transfer");
        }
        if (hidden.stream().anyMatch(h -> h < 1) || convFilters.stream().anyMatch(f -> f < 1)) {
            throw new IllegalArgumentException("hidden and conv-filters sizes must be positive");
        }
        if (type == Type.CNN && convFilters.isEmpty()) {
            throw new IllegalArgumentException("conv-filters: a cnn needs at least one convolution");
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch-size must be positive");
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning-rate must be in (0, 1), got " + learningRate);
        }
    }

    /** The index of the last hidden layer, the one whose output a feature extractor uses. */
    public int lastHiddenLayer() {
        return type == Type.MLP ? hidden.size() - 1 : 2 * convFilters.size() + hidden.size() - 1;
    }
}
