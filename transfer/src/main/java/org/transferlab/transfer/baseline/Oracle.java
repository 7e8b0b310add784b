package org.transferlab.transfer.baseline;

import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.TransferStrategy;

/**
 * The upper reference: {@code target-only} trained on every label of the target's train partition
 * rather than the cell's budget. It shows how much room the budget leaves, is not a fair competitor,
 * and is reported apart from the strategies under comparison. Its parameters are target-only's.
 */
public final class Oracle implements TransferStrategy<TargetOnly.Parameters> {
    public static final String NAME = "oracle";

    @Override
    public Class<TargetOnly.Parameters> parametersType() {
        return TargetOnly.Parameters.class;
    }

    @Override
    public boolean supports(TaskType task) {
        return task == TaskType.CLASSIFICATION;
    }

    @Override
    public boolean usesAllTargetLabels() {
        return true;
    }

    @Override
    public Fitted fit(TargetOnly.Parameters parameters, TransferContext context) {
        return new TargetOnly().fit(parameters, context);
    }
}
