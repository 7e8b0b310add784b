package org.transferlab.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.transferlab.core.data.Examples;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/** TransferLab's examples as Tribuo examples, for the strategies that train Tribuo models. */
public final class TribuoExamples {
    private TribuoExamples() {
    }

    /** One dense Tribuo example per row, with {@code output} of the row as its output. */
    public static <T extends Output<T>> List<Example<T>> of(Examples examples, IntFunction<T> output) {
        String[] names = featureNames(examples.featureCount());
        List<Example<T>> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            double[] values = new double[names.length];
            for (int j = 0; j < names.length; j++) {
                values[j] = examples.feature(i, j);
            }
            out.add(new ArrayExample<>(output.apply(i), names, values));
        }
        return out;
    }

    /** Zero-padded, so Tribuo's sorted feature order is the column order. */
    public static String[] featureNames(int width) {
        String[] names = new String[width];
        for (int j = 0; j < width; j++) {
            names[j] = String.format("f%05d", j);
        }
        return names;
    }
}
