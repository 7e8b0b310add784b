package org.transferlab.transfer;

import org.transferlab.core.data.TaskType;

/**
 * Base of the strategies that fit real-valued targets. They return {@link Fitted#values} models and are
 * registered with {@link StrategyBindings#regression}, so a regression study looks up {@code target-only}
 * among regression strategies and a classification study among classification ones: one name, one
 * meaning ("no transfer"), a different model per task.
 *
 * @param <P> the parameter record
 */
public abstract class RegressionStrategy<P extends Record> extends TaskStrategy<P> {
    protected RegressionStrategy(Class<P> parametersType) {
        super(parametersType, TaskType.REGRESSION);
    }

    /**
     * A regression source has no classes for a source network to be trained on: regression strategies learn from the
     * source's examples ({@link TransferContext#sourceData()}), never from a source model.
     */
    @Override
    public boolean usesSourceModel(P parameters) {
        return false;
    }
}
