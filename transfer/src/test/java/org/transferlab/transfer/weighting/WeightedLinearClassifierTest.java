package org.transferlab.transfer.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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

/** The weights reach the model: Tribuo's linear SGD honours {@code Example.setWeight}, and so does our classifier. */
class WeightedLinearClassifierTest {
    private static final List<String> CLASSES = List.of("a", "b");

    /** Two overlapping classes on a line: class 0 around −1, class 1 around +1. */
    private static Examples twoClasses(int n, long seed) {
        double[][] x = Samples.gaussian(n, 2, 0, 1, seed);
        float[] features = new float[n * 2];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = i % 2;
            features[2 * i] = (float) (x[i][0] + (classes[i] == 0 ? -1 : 1));
            features[2 * i + 1] = (float) x[i][1];
        }
        return Examples.classified(features, 2, classes);
    }

    private static List<Example<Label>> tribuo(Examples rows, double weight) {
        List<Example<Label>> examples = TribuoExamples.of(rows, i -> new Label(CLASSES.get(rows.classOf(i))));
        examples.forEach(e -> e.setWeight((float) weight));
        return examples;
    }

    private static Model<Label> trainUnshuffled(List<Example<Label>> examples) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", new LabelFactory()),
                new LabelFactory());
        data.addAll(examples);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 5, 1);
        trainer.setShuffle(false);
        return trainer.train(data);
    }

    private static double[] scoresOfA(Model<Label> model, Examples rows) {
        List<Prediction<Label>> predictions = model.predict(TribuoExamples.of(rows, i -> LabelFactory.UNKNOWN_LABEL));
        return predictions.stream().mapToDouble(p -> p.getOutputScores().get("a").getScore()).toArray();
    }

    @Test
    void tribuosLinearSgdTrainedWithExamplesOfWeightZeroEqualsOneTrainedWithoutThem() {
        Examples kept = twoClasses(200, 1);
        Examples flipped = twoClasses(100, 2);
        int[] other = flipped.classes();
        for (int i = 0; i < other.length; i++) {
            other[i] = 1 - other[i];
        }
        Examples extra = Examples.classified(flipped.featureMatrix(), 2, other);
        double[] without = scoresOfA(trainUnshuffled(tribuo(kept, 1)), kept);
        List<Example<Label>> withZero = new ArrayList<>(tribuo(kept, 1));
        withZero.addAll(tribuo(extra, 0));
        List<Example<Label>> withOne = new ArrayList<>(tribuo(kept, 1));
        withOne.addAll(tribuo(extra, 1));
        double[] zero = scoresOfA(trainUnshuffled(withZero), kept);
        double[] one = scoresOfA(trainUnshuffled(withOne), kept);
        double zeroGap = 0;
        double oneGap = 0;
        for (int i = 0; i < without.length; i++) {
            zeroGap = Math.max(zeroGap, Math.abs(without[i] - zero[i]));
            oneGap = Math.max(oneGap, Math.abs(without[i] - one[i]));
        }
        assertEquals(0, zeroGap, 1e-12, "examples of weight 0 changed the model");
        assertTrue(oneGap > 0.01, "the same examples at weight 1 should change it, changed by " + oneGap);
    }

    @Test
    void theClassifierFollowsTheHeavierOfTwoContradictoryCopies() {
        Examples rows = twoClasses(200, 3);
        int[] swapped = rows.classes();
        for (int i = 0; i < swapped.length; i++) {
            swapped[i] = 1 - swapped[i];
        }
        Examples both = rows.concat(Examples.classified(rows.featureMatrix(), 2, swapped));
        double[] trueHeavy = new double[both.size()];
        double[] swappedHeavy = new double[both.size()];
        for (int i = 0; i < both.size(); i++) {
            boolean original = i < rows.size();
            trueHeavy[i] = original ? 1 : 0.01;
            swappedHeavy[i] = original ? 0.01 : 1;
        }
        WeightedLinearClassifier.Settings settings = new WeightedLinearClassifier.Settings(20, 0.1);
        WeightedLinearClassifier a = WeightedLinearClassifier.train(both, trueHeavy, CLASSES, settings, 4);
        WeightedLinearClassifier b = WeightedLinearClassifier.train(both, swappedHeavy, CLASSES, settings, 4);
        Examples test = twoClasses(400, 5);
        assertTrue(a.accuracy(test) > 0.75, "weighted to the true labels: " + a.accuracy(test));
        assertTrue(b.accuracy(test) < 0.25, "weighted to the swapped labels: " + b.accuracy(test));
    }
}
