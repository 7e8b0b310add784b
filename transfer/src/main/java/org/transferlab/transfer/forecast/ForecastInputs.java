package org.transferlab.transfer.forecast;

/**
 * What a {@link TransferabilityScore} may read, all of it from train partitions: the label budget through the source
 * model and through the reference network (the same architecture freshly initialised, which is where training from
 * scratch starts), and unlabelled samples of the source's and the target's train partitions through the source model.
 *
 * @param transferred   the budget in the source model's representation
 * @param reference     the budget in a freshly initialised network's representation
 * @param source        a sample of the source's train partition in the source model's representation
 * @param target        a sample of the target's unlabelled train partition in the source model's representation
 * @param targetClasses how many classes the target has
 * @param seed          for a score that draws (the proxy A-distance's split)
 */
public record ForecastInputs(LabelledFeatures transferred, LabelledFeatures reference, double[][] source, double[][] target,
                             int targetClasses, long seed) {
    public ForecastInputs {
        if (transferred.size() != reference.size()) {
            throw new IllegalArgumentException("the transferred and the reference view must hold the same budget, got "
                    + transferred.size() + " and " + reference.size() + " examples");
        }
        if (targetClasses < 1) {
            throw new IllegalArgumentException("the target needs at least one class, got " + targetClasses);
        }
    }

    /** Whether the budget has labels: a score of fit needs some. */
    public boolean hasLabels() {
        return transferred.size() > 0;
    }
}
