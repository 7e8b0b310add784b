package org.transferlab.transfer;

import java.util.Objects;
import org.transferlab.core.data.TaskType;

/**
 * Base of the strategies that fit classification targets: it holds the parameter record type and
 * answers {@link #supports} for classification only, so each strategy states just what it does.
 *
 * @param <P> the parameter record
 */
public abstract class ClassificationStrategy<P extends Record> implements TransferStrategy<P> {
    private final Class<P> parametersType;

    protected ClassificationStrategy(Class<P> parametersType) {
        this.parametersType = Objects.requireNonNull(parametersType);
    }

    @Override
    public final Class<P> parametersType() {
        return parametersType;
    }

    @Override
    public boolean supports(TaskType task) {
        return task == TaskType.CLASSIFICATION;
    }
}
