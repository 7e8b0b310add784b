package org.transferlab.transfer.adaptation;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A linear classifier trained on fixed features: {@code steps} full-batch Adam steps on the mean cross-entropy, the
 * features not updated. DELTA trains one on the source's features of the budget to measure which channels the target
 * task relies on, before fine-tuning starts.
 */
final class LinearProbe {
    private LinearProbe() {
    }

    /** Trains {@code head} on {@code features} (one row per example) toward {@code classes}; returns the last loss. */
    static double train(ExternalErrorNetwork head, double[][] features, int[] classes, int steps) {
        INDArray input = ExternalErrorNetwork.array(features);
        double loss = Double.NaN;
        for (int s = 0; s < steps; s++) {
            LossGradient ce = SoftmaxCrossEntropy.of(ExternalErrorNetwork.rows(head.forward(input)), classes);
            head.backward(ExternalErrorNetwork.array(ce.gradient()), 1);
            loss = ce.value();
        }
        return loss;
    }
}
