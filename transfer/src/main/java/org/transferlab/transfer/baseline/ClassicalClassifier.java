package org.transferlab.transfer.baseline;

import java.util.List;
import java.util.function.UnaryOperator;
import org.transferlab.core.data.Examples;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.head.TribuoHead;

/**
 * Trains a {@link ClassifierModel} other than the network: a Tribuo classifier on examples already in its input
 * space (scaled, and widened for augment), predicting the most probable of the target's classes, which come first
 * in its label space. The cell's provenance is the input scaling and Tribuo's record of the model.
 */
final class ClassicalClassifier {
    private ClassicalClassifier() {
    }

    /**
     * @param train    the training rows in the model's input space, labelled in {@code labels}
     * @param labels   the label space: the target's classes first, then (pooled) the source's others
     * @param features maps the target's raw examples into the model's input space (validation, prediction)
     */
    static Fitted fit(ClassifierModel model, double cost, int rounds, TransferContext context, InputScaling scaling,
                      UnaryOperator<Examples> features, Examples train, List<String> labels, String name) {
        if (train.size() == 0) {
            throw new NotApplicableException("there is nothing to train on: no target labels and no source examples");
        }
        TribuoHead.Head head = TribuoHead.train(train, labels, new TribuoHead.Parameters(model.tribuo(), -1, cost, 1, rounds),
                Seeds.derive(context.seed(), name, model.name()), "training rows of " + name + " for " + context.targetName());
        int targetClasses = context.classCount();
        double trainAccuracy = head.accuracy(train);
        Examples validation = context.budget().validation();
        double validationAccuracy = validation.size() == 0 ? Double.NaN
                : accuracy(head.predictAmong(features.apply(validation), targetClasses), validation);
        context.log().epoch(name, 1, Double.NaN, trainAccuracy, Double.NaN, validationAccuracy);
        return Fitted.classes(examples -> head.predictAmong(features.apply(examples), targetClasses),
                new FitSummary(1, 1, Double.NaN, trainAccuracy, Double.NaN, validationAccuracy),
                scaling.describe() + "\n" + head.provenance());
    }

    private static double accuracy(int[] predicted, Examples truth) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == truth.classOf(i) ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }
}
