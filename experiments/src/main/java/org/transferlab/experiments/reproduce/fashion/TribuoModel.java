package org.transferlab.experiments.reproduce.fashion;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.Predictor;

/**
 * A benchmark model that is a Tribuo trainer. Pixels are Tribuo features named by position; zero pixels
 * are left out (Tribuo's features are sparse, and an absent feature is zero to every trainer used here),
 * which halves the memory and time on Fashion-MNIST, where about half the pixels are zero.
 */
final class TribuoModel implements BenchmarkModel {
    private final TrainerFactory trainer;

    /** Builds a Tribuo trainer for a seed, a thread count and the width of the examples. */
    @FunctionalInterface
    interface TrainerFactory {
        Trainer<Label> make(long seed, int threads, int features);
    }

    TribuoModel(TrainerFactory trainer) {
        this.trainer = trainer;
    }

    @Override
    public Predictor fit(Examples train, int classes, long seed, int threads) {
        org.transferlab.transfer.TribuoLogging.quiet();
        String[] names = featureNames(train.featureCount());
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            examples.add(example(train, i, new Label(Integer.toString(train.classOf(i))), names));
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("fashion-mnist train", factory)));
        Model<Label> model = trainer.make(seed, threads, train.featureCount()).train(dataset);
        return queries -> predict(model, queries, names);
    }

    private static int[] predict(Model<Label> model, Examples examples, String[] names) {
        List<Example<Label>> queries = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            queries.add(example(examples, i, LabelFactory.UNKNOWN_LABEL, names));
        }
        List<Prediction<Label>> predictions = model.predict(queries);
        int[] predicted = new int[examples.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = Integer.parseInt(predictions.get(i).getOutput().getLabel());
        }
        return predicted;
    }

    private static Example<Label> example(Examples examples, int row, Label label, String[] names) {
        int width = examples.featureCount();
        List<String> present = new ArrayList<>();
        double[] values = new double[width];
        int n = 0;
        for (int column = 0; column < width; column++) {
            float value = examples.feature(row, column);
            if (value != 0f) {
                present.add(names[column]);
                values[n++] = value;
            }
        }
        return new ArrayExample<>(label, present.toArray(String[]::new), java.util.Arrays.copyOf(values, n));
    }

    private static String[] featureNames(int width) {
        String[] names = new String[width];
        for (int i = 0; i < width; i++) {
            names[i] = String.format("px%03d", i);
        }
        return names;
    }
}
