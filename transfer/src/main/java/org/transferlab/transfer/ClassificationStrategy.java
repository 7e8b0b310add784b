package org.transferlab.transfer;

import org.transferlab.core.data.TaskType;

/**
 * Base of the strategies that fit classification targets; register them with
 * {@link StrategyBindings#strategy}.
 *
 * @param <P> the parameter record
 */
public abstract class ClassificationStrategy<P extends Record> extends TaskStrategy<P> {
    protected ClassificationStrategy(Class<P> parametersType) {
        super(parametersType, TaskType.CLASSIFICATION);
    }
}
