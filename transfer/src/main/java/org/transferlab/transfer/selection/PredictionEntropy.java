package org.transferlab.transfer.selection;

/**
 * Minus the mean entropy of the candidate's predictions on unlabelled target examples: confident target predictions
 * score higher (the entropy criterion of Morerio, Cavazza and Murino, "Minimal-Entropy Correlation Alignment for
 * Unsupervised Deep Domain Adaptation", ICLR 2018). It rewards confidence, right or wrong, which is why SND was
 * proposed. Reads no source. No parameters. Registered as {@code entropy}.
 */
public final class PredictionEntropy implements Validator {
    public static final String NAME = "entropy";

    @Override
    public String description() {
        return "minus the mean entropy of target predictions (Morerio et al., ICLR 2018)";
    }

    @Override
    public boolean readsSource() {
        return false;
    }

    @Override
    public double score(ValidationInputs inputs) {
        return inputs.target().length == 0 ? Double.NaN : ValidationCriteria.negativeEntropy(inputs.target());
    }
}
