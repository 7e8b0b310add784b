package org.transferlab.transfer.engine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.transferlab.core.data.Examples;

/** Converts {@link Examples} to the ND4J arrays DL4J trains on. */
public final class Batches {
    private Batches() {
    }

    public static INDArray features(Examples examples) {
        return Nd4j.create(examples.featureMatrix(), new long[] {examples.size(), examples.featureCount()}, 'c');
    }

    public static INDArray oneHot(Examples examples, int classes) {
        float[] hot = new float[examples.size() * classes];
        for (int i = 0; i < examples.size(); i++) {
            hot[i * classes + examples.classOf(i)] = 1f;
        }
        return Nd4j.create(hot, new long[] {examples.size(), classes}, 'c');
    }

    public static DataSet dataSet(Examples examples, int classes) {
        return new DataSet(features(examples), oneHot(examples, classes));
    }

    /**
     * One epoch's minibatches, in an order drawn from {@code random} when this is called; each minibatch is built
     * when the iteration reaches it, so an epoch never holds more than one minibatch's copy of the examples
     * (for a source domain of 30,000 images, 94 MB on the heap and as much off it, per epoch, before).
     */
    public static Iterable<DataSet> shuffled(Examples examples, int classes, int batchSize, SplittableRandom random) {
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return () -> new Iterator<>() {
            private int start;

            @Override
            public boolean hasNext() {
                return start < order.length;
            }

            @Override
            public DataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int[] rows = Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
                start += batchSize;
                return dataSet(examples.subset(rows), classes);
            }
        };
    }
}
