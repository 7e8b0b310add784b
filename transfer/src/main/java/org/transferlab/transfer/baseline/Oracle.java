package org.transferlab.transfer.baseline;

import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * The upper reference: {@code target-only} trained on every label of the target's train partition
 * rather than the cell's budget. It shows how much room the budget leaves, is not a fair competitor,
 * and is reported apart from the strategies under comparison. Its parameters are target-only's, model included:
 * {@code oracle@logistic: {model: logistic}} is the reference of the logistic baselines.
 *
 * <p>Registered as {@code oracle} among the classification strategies.
 */
public final class Oracle extends ClassificationStrategy<TargetOnly.Parameters> {
    public static final String NAME = "oracle";

    public Oracle() {
        super(TargetOnly.Parameters.class);
    }

    @Override
    public boolean usesAllTargetLabels() {
        return true;
    }

    /** It learns from the target alone. */
    @Override
    public boolean usesSourceModel(TargetOnly.Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(TargetOnly.Parameters parameters, TransferContext context) {
        return new TargetOnly().fit(parameters, context);
    }
}
