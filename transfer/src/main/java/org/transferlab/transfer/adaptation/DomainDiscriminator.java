package org.transferlab.transfer.adaptation;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DANN's adversarial term: a domain discriminator (one ReLU layer, then two logits: source, target) learns to tell
 * the source rows' features from the unlabelled target rows', by the balanced cross-entropy
 * L_d = (CE over source rows + CE over target rows) / 2 weighted by the trade-off; the features receive its gradient
 * through a {@link GradientReversal}, so they are trained to make the domains indistinguishable.
 */
final class DomainDiscriminator implements AdaptationLoss {
    private final ExternalErrorNetwork discriminator;
    private final double tradeOff;
    private final double gamma;

    DomainDiscriminator(int features, int hidden, double learningRate, long seed, double tradeOff, double gamma) {
        this.discriminator = new ExternalErrorNetwork(AdaptationModel.dense(features, hidden, 2, learningRate, seed));
        this.tradeOff = tradeOff;
        this.gamma = gamma;
    }

    @Override
    public double addGradients(Step step, double[][] dFeatures, double[][] dLogits) {
        if (step.sourceRows() == 0 || step.targetRows() == 0) {
            return 0;
        }
        LossGradient domain = domainLoss(step);
        INDArray dInput = discriminator.backward(ExternalErrorNetwork.array(domain.gradient()), step.epoch());
        double lambda = GradientReversal.lambda(step.progress(), gamma);
        step.addSourceAndTarget(new LossGradient(0, GradientReversal.backward(ExternalErrorNetwork.rows(dInput), lambda)),
                dFeatures);
        return domain.value();
    }

    /** The weighted balanced domain cross-entropy of the discriminator's forward pass on the step's two domains. */
    private LossGradient domainLoss(Step step) {
        double[][] logits = ExternalErrorNetwork.rows(discriminator.forward(ExternalErrorNetwork.array(
                step.sourceAndTarget(step.features()))));
        int s = step.sourceRows();
        LossGradient source = SoftmaxCrossEntropy.of(Step.slice(logits, 0, s), new int[s]);
        int[] targets = new int[logits.length - s];
        java.util.Arrays.fill(targets, 1);
        LossGradient target = SoftmaxCrossEntropy.of(Step.slice(logits, s, logits.length), targets);
        double[][] gradient = new double[logits.length][];
        System.arraycopy(source.gradient(), 0, gradient, 0, s);
        System.arraycopy(target.gradient(), 0, gradient, s, targets.length);
        return new LossGradient(source.value() + target.value(), gradient).times(tradeOff / 2);
    }
}
