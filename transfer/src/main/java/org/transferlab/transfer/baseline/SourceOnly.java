package org.transferlab.transfer.baseline;

import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.NetworkEvaluation;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.network.NetworkPredictor;

/**
 * The source model applied to the target as it is, without any target labels ("SRCONLY" in Daumé III,
 * "Frustratingly Easy Domain Adaptation", ACL 2007). It measures how far the domains are apart. It
 * applies only where the source and target have the same label space (the same class names in the
 * same order); elsewhere the cell is reported as not applicable instead of a number. Its validation
 * accuracy is measured on the budget's validation split, like every other strategy's.
 *
 * <p>Registered as {@code source-only} among the classification strategies.
 */
public final class SourceOnly extends ClassificationStrategy<SourceOnly.Parameters> {
    public static final String NAME = "source-only";

    /** Source-only has no parameters. */
    public record Parameters() {
    }

    public SourceOnly() {
        super(SourceOnly.Parameters.class);
    }

    /** The source model applied as it is: no target label is read. */
    @Override
    public boolean usesTargetLabels() {
        return false;
    }

    @Override
    public Fitted fit(Parameters parameters, TransferContext context) {
        SourceModel source = context.sourceModel();
        if (!source.classNames().equals(context.classNames())) {
            throw new NotApplicableException("source classes " + source.classNames() + " are not the target's "
                    + context.classNames());
        }
        NetworkPredictor predictor = new NetworkPredictor(source.copy());
        double train = context.budget().train().size() == 0 ? Double.NaN
                : NetworkEvaluation.accuracy(predictor.network(), context.budget().train());
        double validation = context.budget().validation().size() == 0 ? Double.NaN
                : NetworkEvaluation.accuracy(predictor.network(), context.budget().validation());
        context.log().epoch(NAME, 0, Double.NaN, train, Double.NaN, validation);
        return Fitted.classes(predictor, new FitSummary(0, 0, Double.NaN, train, Double.NaN, validation));
    }
}
