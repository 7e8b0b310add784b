package org.transferlab.transfer.weighting;

import java.util.List;
import java.util.Map;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.TribuoExamples;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Multinomial logistic regression trained on weighted examples: Tribuo's linear SGD with AdaGrad, which scales each
 * example's gradient by its {@link Example#setWeight weight} (LibLinear, the other logistic regression here, ignores
 * weights). Predicts the most probable class that had training rows.
 */
final class WeightedLinearClassifier {
    static {
        org.transferlab.transfer.TribuoLogging.quiet();
    }

    private final Model<Label> model;
    private final List<String> classes;

    /**
     * @param epochs       passes of SGD over the training rows (default 20; at least 1)
     * @param learningRate AdaGrad's initial learning rate (default 0.1; positive)
     */
    record Settings(int epochs, double learningRate) {
        Settings {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning-rate must be positive and finite, got " + learningRate);
            }
        }
    }

    private WeightedLinearClassifier(Model<Label> model, List<String> classes) {
        this.model = model;
        this.classes = classes;
    }

    /** Trains on {@code rows} (classes index {@code classes}), row i weighted {@code weights[i]}; seeded order. */
    static WeightedLinearClassifier train(Examples rows, double[] weights, List<String> classes, Settings settings, long seed) {
        if (weights.length != rows.size()) {
            throw new IllegalArgumentException(rows.size() + " rows but " + weights.length + " weights");
        }
        List<Example<Label>> examples = TribuoExamples.of(rows, i -> new Label(classes.get(rows.classOf(i))));
        for (int i = 0; i < weights.length; i++) {
            examples.get(i).setWeight((float) weights[i]);
        }
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("weighted source and budget",
                new LabelFactory()), new LabelFactory());
        data.addAll(examples);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(settings.learningRate(), 0.1),
                settings.epochs(), seed);
        return new WeightedLinearClassifier(trainer.train(data), List.copyOf(classes));
    }

    /** The index of the most probable class of each row; a class without training rows has no score and is never chosen. */
    int[] predict(Examples rows) {
        List<Prediction<Label>> predictions = model.predict(TribuoExamples.of(rows, i -> LabelFactory.UNKNOWN_LABEL));
        int[] predicted = new int[rows.size()];
        for (int i = 0; i < predicted.length; i++) {
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes.size(); c++) {
                Label scored = scores.get(classes.get(c));
                if (scored != null && scored.getScore() > best) {
                    best = scored.getScore();
                    predicted[i] = c;
                }
            }
        }
        return predicted;
    }

    /** The share of {@code rows} predicted correctly; NaN for none. */
    double accuracy(Examples rows) {
        if (rows.size() == 0) {
            return Double.NaN;
        }
        int[] predicted = predict(rows);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == rows.classOf(i) ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }

    /** Tribuo's record of how the model was made. */
    String provenance() {
        return model.getProvenance().toString();
    }
}
