package org.transferlab.transfer.adaptation;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Co-Tuning's second task on the budget rows of a step: the source network's output layer, trained jointly, predicts
 * the budget examples' source-class distributions translated from their target labels by the category relationship,
 * λ · (1/b) Σ_i CE(source head(f_i), p(y_s | y_t = y_i)). Its gradient trains the source head and reaches the features.
 */
final class SourceHeadCoTraining implements AdaptationLoss {
    private final ExternalErrorNetwork sourceHead;
    private final double[][] relationship;
    private final double lambda;

    SourceHeadCoTraining(ExternalErrorNetwork sourceHead, double[][] relationship, double lambda) {
        this.sourceHead = sourceHead;
        this.relationship = relationship;
        this.lambda = lambda;
    }

    @Override
    public double addGradients(Step step, double[][] dFeatures, double[][] dLogits) {
        if (lambda == 0 || step.budgetRows() == 0) {
            return 0;
        }
        int[] classes = step.budget().classes();
        double[][] targets = new double[classes.length][];
        for (int i = 0; i < classes.length; i++) {
            targets[i] = relationship[classes[i]];
        }
        double[][] logits = ExternalErrorNetwork.rows(sourceHead.forward(ExternalErrorNetwork.array(
                Step.slice(step.features(), step.sourceRows(), step.targetFrom()))));
        LossGradient term = SoftmaxCrossEntropy.ofDistributions(logits, targets).times(lambda);
        INDArray dInput = sourceHead.backward(ExternalErrorNetwork.array(term.gradient()), step.epoch());
        new LossGradient(0, ExternalErrorNetwork.rows(dInput)).addInto(dFeatures, step.sourceRows());
        return term.value();
    }
}
