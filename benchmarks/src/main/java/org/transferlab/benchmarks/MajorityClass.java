package org.transferlab.benchmarks;

import java.util.Arrays;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;

/**
 * A trivial strategy for measuring the harness: it predicts the budget's most frequent class for
 * every example and never asks for the source model. A cell running it costs what the harness
 * itself costs (budget draw, context, evaluation, committing the cell). Registered only on the
 * benchmarks' class path, under the name {@value #NAME}.
 */
public final class MajorityClass extends ClassificationStrategy<MajorityClass.Parameters> {
    public static final String NAME = "majority-class";

    /** The majority-class strategy has no parameters. */
    public record Parameters() {
    }

    public MajorityClass() {
        super(Parameters.class);
    }

    /** It learns from the target alone. */
    @Override
    public boolean usesSourceModel(MajorityClass.Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters parameters, TransferContext context) {
        Examples train = context.budget().train();
        int[] counts = train.classCounts(context.classNames().size());
        int majority = 0;
        for (int c = 1; c < counts.length; c++) {
            majority = counts[c] > counts[majority] ? c : majority;
        }
        int predicted = majority;
        return Fitted.classes(examples -> {
            int[] classes = new int[examples.size()];
            Arrays.fill(classes, predicted);
            return classes;
        }, FitSummary.NONE);
    }
}
