package org.transferlab.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.ConfusionMetrics;
import org.tribuo.classification.evaluation.LabelConfusionMatrix;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.impl.ArrayExample;

/**
 * Accuracy and macro-averaged F1 of predicted classes against true classes, computed by Tribuo's
 * confusion matrix so that TransferLab's numbers mean what Tribuo's evaluators mean. Macro-F1 averages
 * over every class of the label space, including classes never predicted (their F1 is 0).
 */
public final class ClassificationMetrics {
    public static final String ACCURACY = "accuracy";
    public static final String MACRO_F1 = "macro_f1";

    private ClassificationMetrics() {
    }

    /** The metrics, by column name, in a fixed order. */
    public static Map<String, Double> score(int[] truth, int[] predicted, List<String> classNames) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true classes but " + predicted.length + " predictions");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("cannot score an empty test partition");
        }
        LabelFactory factory = new LabelFactory();
        List<Label> labels = classNames.stream().map(Label::new).toList();
        Map<Label, Integer> ids = new HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            ids.put(labels.get(c), c);
        }
        ImmutableOutputInfo<Label> domain = factory.constructInfoForExternalModel(ids);
        List<Prediction<Label>> predictions = new ArrayList<>(truth.length);
        for (int i = 0; i < truth.length; i++) {
            ArrayExample<Label> example = new ArrayExample<>(labels.get(truth[i]));
            predictions.add(new Prediction<>(labels.get(predicted[i]), 0, example));
        }
        LabelConfusionMatrix confusion = new LabelConfusionMatrix(domain, predictions);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(ACCURACY, ConfusionMetrics.accuracy(MetricTarget.<Label>microAverageTarget(), confusion));
        metrics.put(MACRO_F1, ConfusionMetrics.f1(MetricTarget.<Label>macroAverageTarget(), confusion));
        return metrics;
    }
}
