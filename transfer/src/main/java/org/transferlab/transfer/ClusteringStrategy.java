package org.transferlab.transfer;

import org.transferlab.core.data.TaskType;

/**
 * Base of the strategies that cluster an unlabelled target. Their context's budget carries no labels
 * (every class 0): the budget's size is how many target examples they may cluster. They return a
 * {@link Predictor} that assigns examples to clusters, which the harness scores against the held-out
 * classes of the test partition. Registered with {@link StrategyBindings#clustering}.
 *
 * @param <P> the parameter record
 */
public abstract class ClusteringStrategy<P extends Record> extends TaskStrategy<P> {
    protected ClusteringStrategy(Class<P> parametersType) {
        super(parametersType, TaskType.CLUSTERING);
    }

    /** A clusterer never sees labels: the harness erases them from the budget. */
    @Override
    public final boolean usesTargetLabels() {
        return false;
    }
}
