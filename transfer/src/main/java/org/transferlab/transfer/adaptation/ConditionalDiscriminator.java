package org.transferlab.transfer.adaptation;

/**
 * CDAN's adversarial term: a {@link DomainDiscriminator} on the {@link MultilinearMap} T(f, g) of each source and
 * unlabelled target row's features f and class probabilities g = softmax(logits), its rows' domain losses
 * weighted by {@link EntropyConditioning} (or uniformly within each domain, as DANN's, without it). The reversed
 * gradient reaches both the features and, through T and the softmax, the logits, so the feature extractor and the
 * classifier are both trained to make the joint distribution of features and predictions domain-invariant.
 */
final class ConditionalDiscriminator implements AdaptationLoss {
    private final DomainDiscriminator discriminator;
    private final MultilinearMap map;
    private final boolean entropyConditioning;

    ConditionalDiscriminator(DomainDiscriminator discriminator, MultilinearMap map, boolean entropyConditioning) {
        this.discriminator = discriminator;
        this.map = map;
        this.entropyConditioning = entropyConditioning;
    }

    @Override
    public double addGradients(Step step, double[][] dFeatures, double[][] dLogits) {
        int s = step.sourceRows();
        if (s == 0 || step.targetRows() == 0) {
            return 0;
        }
        double[][] f = step.sourceAndTarget(step.features());
        double[][] g = SoftmaxCrossEntropy.softmax(step.sourceAndTarget(step.logits()), 1);
        double[] weights = entropyConditioning ? EntropyConditioning.weights(g, s) : DomainDiscriminator.balanced(s, f.length);
        LossGradient reversed = discriminator.reversedGradient(map.forward(f, g), s, weights, step);
        MultilinearMap.Backward back = map.backward(f, g, reversed.gradient());
        step.addSourceAndTarget(new LossGradient(0, back.dFeatures()), dFeatures);
        step.addSourceAndTarget(new LossGradient(0, SoftmaxCrossEntropy.throughSoftmax(g, back.dPredictions(), 1)), dLogits);
        return reversed.value();
    }
}
