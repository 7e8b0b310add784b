package org.transferlab.transfer.adaptation;

/**
 * What a method adds to the classification loss of joint training ({@link AdaptationTrainer}): a term on the
 * features or logits of a {@link Step}, added with its gradients. An instance belongs to one fit, so it may hold
 * networks of its own (DANN's domain discriminator) and train them in {@link #addGradients}.
 */
public interface AdaptationLoss {

    /**
     * Adds d term / d features into {@code dFeatures} and d term / d logits into {@code dLogits} (both the shape of
     * the step's rows, holding the classification loss's gradients already) and returns the term's value.
     */
    double addGradients(Step step, double[][] dFeatures, double[][] dLogits);

    /** No term: joint training on the source and the budget only. */
    AdaptationLoss NONE = (step, dFeatures, dLogits) -> 0;
}
