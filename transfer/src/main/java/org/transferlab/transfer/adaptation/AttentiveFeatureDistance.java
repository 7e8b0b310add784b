package org.transferlab.transfer.adaptation;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.transfer.engine.Batches;

/**
 * DELTA's behavioural regulariser on the budget rows of a step: α · (1/b) Σ_i Σ_j W_j (f_ij - f⁰_ij)², f the
 * fine-tuned extractor's features and f⁰ those of a frozen copy of the source's extractor on the same inputs, W the
 * {@link ChannelAttention} weights. Its gradient 2α W_j (f_ij - f⁰_ij) / b reaches the features.
 */
final class AttentiveFeatureDistance implements AdaptationLoss {
    private final MultiLayerNetwork sourceExtractor;
    private final double[] attention;
    private final double alpha;

    AttentiveFeatureDistance(MultiLayerNetwork sourceExtractor, double[] attention, double alpha) {
        this.sourceExtractor = sourceExtractor;
        this.attention = attention.clone();
        this.alpha = alpha;
    }

    @Override
    public double addGradients(Step step, double[][] dFeatures, double[][] dLogits) {
        if (alpha == 0 || step.budgetRows() == 0) {
            return 0;
        }
        double[][] source = ExternalErrorNetwork.rows(sourceExtractor.output(Batches.features(step.budget()), false));
        LossGradient term = of(Step.slice(step.features(), step.sourceRows(), step.targetFrom()), source, attention)
                .times(alpha);
        term.addInto(dFeatures, step.sourceRows());
        return term.value();
    }

    /** (1/b) Σ_i Σ_j W_j (f_ij - f⁰_ij)² and its gradient with respect to f. */
    static LossGradient of(double[][] features, double[][] sourceFeatures, double[] attention) {
        double value = 0;
        double[][] gradient = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            gradient[i] = new double[features[i].length];
            for (int j = 0; j < features[i].length; j++) {
                double difference = features[i][j] - sourceFeatures[i][j];
                value += attention[j] * difference * difference;
                gradient[i][j] = 2 * attention[j] * difference / features.length;
            }
        }
        return new LossGradient(features.length == 0 ? 0 : value / features.length, gradient);
    }
}
