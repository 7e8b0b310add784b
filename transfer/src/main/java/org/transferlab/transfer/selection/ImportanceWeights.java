package org.transferlab.transfer.selection;

import java.util.List;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.head.TribuoHead;

/**
 * Density ratios p_target(x) / p_source(x) of source examples from a probabilistic domain classifier, the estimate IWCV
 * and DEV use (You et al., ICML 2019, Section 4): an L2-regularised logistic regression (Tribuo's LibLinear, C = 1)
 * told source from target, and {@code w(x) = (n_s / n_t) · P(target | x) / P(source | x)}, the ratio corrected for
 * the samples' sizes. Reads no label of either domain.
 */
public final class ImportanceWeights {
    private static final double FLOOR = 1e-6;

    private ImportanceWeights() {
    }

    /** The density ratio of each row of {@code source} against the sample {@code target}; {@code seed} seeds the classifier. */
    public static double[] of(double[][] source, double[][] target, long seed) {
        if (source.length == 0 || target.length == 0) {
            throw new IllegalArgumentException("density ratios need examples of both domains, got " + source.length
                    + " source and " + target.length + " target rows");
        }
        int width = source[0].length;
        float[] x = new float[(source.length + target.length) * width];
        int[] y = new int[source.length + target.length];
        for (int i = 0; i < source.length; i++) {
            copy(source[i], x, i * width);
        }
        for (int i = 0; i < target.length; i++) {
            copy(target[i], x, (source.length + i) * width);
            y[source.length + i] = 1;
        }
        TribuoHead.Head classifier = TribuoHead.train(Examples.classified(x, width, y), List.of("source", "target"),
                new TribuoHead.Parameters(TribuoHead.Classifier.LOGISTIC, -1, 1.0, 20, 50), seed,
                "density-ratio domain classifier");
        float[] rows = new float[source.length * width];
        for (int i = 0; i < source.length; i++) {
            copy(source[i], rows, i * width);
        }
        double[][] p = classifier.probabilities(Examples.classified(rows, width, new int[source.length]));
        double sizes = (double) source.length / target.length;
        double[] weights = new double[source.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = sizes * p[i][1] / Math.max(p[i][0], FLOOR);
        }
        return weights;
    }

    private static void copy(double[] values, float[] into, int offset) {
        for (int j = 0; j < values.length; j++) {
            into[offset + j] = (float) values[j];
        }
    }
}
