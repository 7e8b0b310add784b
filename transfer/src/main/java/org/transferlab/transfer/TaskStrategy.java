package org.transferlab.transfer;

import java.util.Objects;
import org.transferlab.core.data.TaskType;

/**
 * Base of the strategies that fit one task: it holds the parameter record type and answers
 * {@link #supports} for that task only, so each strategy states just what it does.
 *
 * @param <P> the parameter record
 */
public abstract class TaskStrategy<P extends Record> implements TransferStrategy<P> {
    private final Class<P> parametersType;
    private final TaskType task;

    protected TaskStrategy(Class<P> parametersType, TaskType task) {
        this.parametersType = Objects.requireNonNull(parametersType);
        this.task = Objects.requireNonNull(task);
    }

    @Override
    public final Class<P> parametersType() {
        return parametersType;
    }

    @Override
    public final boolean supports(TaskType candidate) {
        return candidate == task;
    }
}
