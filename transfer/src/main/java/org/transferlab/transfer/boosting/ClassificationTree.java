package org.transferlab.transfer.boosting;

import java.util.List;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.TribuoExamples;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The weak learner of {@link TrAdaBoost}: a shallow CART tree (Tribuo's, Gini impurity, every feature tried at every
 * split, so it draws nothing at random) trained on weighted rows. Tribuo's tree sums example weights in its impurity
 * and leaf counts; the weights are rescaled to mean 1 so that its least child weight of {@value #MIN_CHILD_WEIGHT} is
 * one average row, whatever the boosting weights sum to.
 */
final class ClassificationTree {
    static {
        org.transferlab.transfer.TribuoLogging.quiet();
    }

    static final float MIN_CHILD_WEIGHT = 1f;

    private final Model<Label> model;

    private ClassificationTree(Model<Label> model) {
        this.model = model;
    }

    /** A tree of depth at most {@code maxDepth} on {@code rows} (classes by index), row i weighted {@code weights[i]}. */
    static ClassificationTree train(Examples rows, double[] weights, int maxDepth) {
        if (weights.length != rows.size()) {
            throw new IllegalArgumentException(rows.size() + " rows but " + weights.length + " weights");
        }
        double mean = java.util.Arrays.stream(weights).sum() / weights.length;
        List<Example<Label>> examples = TribuoExamples.of(rows, i -> new Label(Integer.toString(rows.classOf(i))));
        for (int i = 0; i < weights.length; i++) {
            examples.get(i).setWeight((float) (weights[i] / mean));
        }
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("boosting rows", new LabelFactory()),
                new LabelFactory());
        data.addAll(examples);
        CARTClassificationTrainer trainer = new CARTClassificationTrainer(maxDepth, MIN_CHILD_WEIGHT, 0f, 1f, false,
                new GiniIndex(), 1L);
        return new ClassificationTree(trainer.train(data));
    }

    /** The class index each row is predicted to have. */
    int[] predict(Examples rows) {
        List<Prediction<Label>> predictions = model.predict(TribuoExamples.of(rows, i -> LabelFactory.UNKNOWN_LABEL));
        int[] predicted = new int[rows.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = Integer.parseInt(predictions.get(i).getOutput().getLabel());
        }
        return predicted;
    }

    /** Tribuo's record of the tree's trainer and data. */
    String provenance() {
        return model.getProvenance().toString();
    }
}
