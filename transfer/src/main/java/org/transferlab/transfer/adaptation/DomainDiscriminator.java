package org.transferlab.transfer.adaptation;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DANN's adversarial term: a domain discriminator (one ReLU layer, then two logits: source, target) learns to tell
 * the source rows' features from the unlabelled target rows', by the balanced cross-entropy
 * L_d = (CE over source rows + CE over target rows) / 2 weighted by the trade-off; the features receive its gradient
 * through a {@link GradientReversal}, so they are trained to make the domains indistinguishable. CDAN's
 * {@link ConditionalDiscriminator} uses the same discriminator on other inputs with other row weights
 * ({@link #reversedGradient}).
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
        double[][] rows = step.sourceAndTarget(step.features());
        LossGradient reversed = reversedGradient(rows, step.sourceRows(), balanced(step.sourceRows(), rows.length), step);
        step.addSourceAndTarget(reversed, dFeatures);
        return reversed.value();
    }

    /**
     * Trains the discriminator one step to tell rows 0..{@code sourceRows}-1 of {@code inputs} (source) from the rest
     * (target), each row's cross-entropy weighted by {@code weights} (those of each domain summing to 1), and returns
     * trade-off · Σ_i weights[i] CE_i / 2 with the gradient the layer below it receives: its gradient with respect to
     * {@code inputs} reversed, -λ times it, λ at the step's progress.
     */
    LossGradient reversedGradient(double[][] inputs, int sourceRows, double[] weights, Step step) {
        LossGradient domain = domainLoss(inputs, sourceRows, weights);
        INDArray dInput = discriminator.backward(ExternalErrorNetwork.array(domain.gradient()), step.epoch());
        double lambda = GradientReversal.lambda(step.progress(), gamma);
        return new LossGradient(domain.value(), GradientReversal.backward(ExternalErrorNetwork.rows(dInput), lambda));
    }

    /** Weights 1/n_s for each of the first {@code sourceRows} rows and 1/n_t for the other target rows. */
    static double[] balanced(int sourceRows, int rows) {
        double[] weights = new double[rows];
        for (int i = 0; i < rows; i++) {
            weights[i] = 1.0 / (i < sourceRows ? sourceRows : rows - sourceRows);
        }
        return weights;
    }

    /** The weighted domain cross-entropy of the discriminator's forward pass on {@code inputs}, times trade-off / 2. */
    private LossGradient domainLoss(double[][] inputs, int sourceRows, double[] weights) {
        double[][] logits = ExternalErrorNetwork.rows(discriminator.forward(ExternalErrorNetwork.array(inputs)));
        int[] domains = new int[logits.length];
        java.util.Arrays.fill(domains, sourceRows, domains.length, 1);
        return SoftmaxCrossEntropy.weighted(logits, domains, weights).times(tradeOff / 2);
    }
}
