package org.transferlab.transfer.adaptation;

import java.util.function.UnaryOperator;

/**
 * DELTA's attention over the feature channels (Li et al., ICLR 2019, section 3.3): how much a classifier's mean
 * cross-entropy on labelled examples rises when channel j of their features is zeroed, Δ_j = L(F with column j
 * zeroed) - L(F), turned into weights W = softmax(Δ) over the channels, so a channel the classifier relies on is
 * kept near the source's and one it ignores is left free.
 */
final class ChannelAttention {
    private ChannelAttention() {
    }

    /** softmax over the channels of {@link #lossIncreases}: positive weights summing to 1. */
    static double[] weights(double[][] features, int[] classes, UnaryOperator<double[][]> logitsOf) {
        return SoftmaxCrossEntropy.softmax(new double[][] {lossIncreases(features, classes, logitsOf)}, 1)[0];
    }

    /** Δ_j for each column j of {@code features}, the classifier given as features → logits. */
    static double[] lossIncreases(double[][] features, int[] classes, UnaryOperator<double[][]> logitsOf) {
        int channels = features[0].length;
        double full = SoftmaxCrossEntropy.of(logitsOf.apply(features), classes).value();
        double[] increases = new double[channels];
        for (int j = 0; j < channels; j++) {
            double[][] without = new double[features.length][];
            for (int i = 0; i < features.length; i++) {
                without[i] = features[i].clone();
                without[i][j] = 0;
            }
            increases[j] = SoftmaxCrossEntropy.of(logitsOf.apply(without), classes).value() - full;
        }
        return increases;
    }
}
