package org.transferlab.transfer.multisource;

import java.util.List;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkEvaluation;
import org.transferlab.transfer.network.FineTuning;
import org.transferlab.transfer.network.NetworkPredictor;

/**
 * One source's model fine-tuned on the budget, with its class probabilities on the split the sources are judged on.
 *
 * @param name      the source's name
 * @param fitted    what {@code fine-tuning} fitted from this source
 * @param judged    per example of the judging split, the model's class probabilities
 * @param logLikelihood the summed log-probability of the judging split's labels
 */
record FineTunedSource(String name, Fitted fitted, double[][] judged, double logLikelihood) {
    /** Probabilities below this count as this, so one confident mistake costs a large but finite penalty. */
    static final double FLOOR = 1e-12;

    /** Each source of {@code context} fine-tuned with {@code parameters}, judged on {@link #judgingSplit}. */
    static List<FineTunedSource> all(FineTuning.Parameters parameters, TransferContext context) {
        if (context.singleSources().size() < 2) {
            throw new NotApplicableException("it chooses among several sources ({sources: [a, b], target: t}), and this pair has "
                    + (context.singleSources().isEmpty() ? "one source or none" : "one"));
        }
        if (context.budget().train().size() == 0) {
            throw new NotApplicableException("it needs target labels to judge the sources by, and the budget has none");
        }
        Examples judging = judgingSplit(context.budget());
        FineTuning fineTuning = new FineTuning();
        return context.singleSources().stream().map(source -> {
            Fitted fitted = fineTuning.fit(parameters, source.context());
            NetworkPredictor network = (NetworkPredictor) ((Fitted.Classes) fitted).predictor();
            double[][] probabilities = NetworkEvaluation.probabilities(network.network(), network.inputScaling().apply(judging));
            return new FineTunedSource(source.name(), fitted, probabilities, logLikelihood(probabilities, judging.classes()));
        }).toList();
    }

    /** The budget's validation split, or its train split when the budget is too small to have one. */
    static Examples judgingSplit(LabelledSplit budget) {
        return budget.validation().size() > 0 ? budget.validation() : budget.train();
    }

    /** Which split {@link #judgingSplit} took, for provenance. */
    static String judgingSplitName(LabelledSplit budget) {
        return budget.validation().size() > 0 ? "validation split" : "train split (the budget has no validation split)";
    }

    static double logLikelihood(double[][] probabilities, int[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum += Math.log(Math.max(FLOOR, probabilities[i][labels[i]]));
        }
        return sum;
    }
}
