package org.transferlab.transfer.regression;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.TrainingLog;

/** Linear test worlds with known answers: y = w·x + b + noise, x ~ N(mean, I). */
final class RegressionWorld {
    static final NetworkSpec NETWORK = new NetworkSpec(NetworkSpec.Type.MLP, List.of(16), List.of(20, 50), 100, 32, 0.01, 1);

    private RegressionWorld() {
    }

    static Examples sample(double[] w, double b, double xMean, double noise, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = w.length;
        float[] x = new float[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double value = b;
            for (int j = 0; j < d; j++) {
                double xj = xMean + random.nextGaussian();
                x[i * d + j] = (float) xj;
                value += w[j] * xj;
            }
            y[i] = value + noise * random.nextGaussian();
        }
        return Examples.valued(x, d, y);
    }

    /** A context whose budget is {@code train} plus {@code validation} and whose source is {@code source}. */
    static TransferContext context(Examples source, Examples train, Examples validation, long seed) {
        LabelledSplit budget = new LabelledSplit(train, validation, IntStream.range(0, train.size()).toArray(),
                IntStream.range(train.size(), train.size() + validation.size()).toArray());
        TrainingLog log = (phase, epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy) -> { };
        return new TransferContext("target", TaskType.REGRESSION, List.of(), FeatureShape.flat(train.featureCount()), budget,
                NETWORK, () -> {
                    throw new AssertionError("regression strategies train no shared source network");
                }, seed, log).withAdaptationData(new TransferContext.SourceData(List.of(), source, 11),
                train.concat(validation).withoutLabels());
    }

    static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
