package org.transferlab.transfer.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.TrainingLog;
import org.transferlab.transfer.regression.WeightedSourceRidge;

/** The four strategies on covariate-shift worlds: the weights reach the model and move it towards the target. */
class WeightingStrategiesTest {
    private static final NetworkSpec NETWORK = new NetworkSpec(NetworkSpec.Type.MLP, List.of(8), List.of(), 2, 32, 0.01, 1);
    private static final Examples NONE = Examples.valued(new float[0], 1, new double[0]);

    /** y = x² + noise with x ~ N(mean, sd²): a line fits it only locally, so where the source is weighted matters. */
    private static Examples parabola(int n, double mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (mean + sd * random.nextGaussian());
            y[i] = x[i] * x[i] + 0.1 * random.nextGaussian();
        }
        return Examples.valued(x, 1, y);
    }

    private static TransferContext regressionContext(Examples source, Examples unlabelled) {
        LabelledSplit budget = new LabelledSplit(NONE, NONE, new int[0], new int[0]);
        return new TransferContext("target", TaskType.REGRESSION, List.of(), FeatureShape.flat(1), budget, NETWORK, () -> {
            throw new AssertionError("the weighting strategies read no source model");
        }, 3, TrainingLog.NONE).withAdaptationData(new TransferContext.SourceData(List.of(), source, 5), unlabelled);
    }

    private static double mse(Fitted fitted, Examples test) {
        double[] predicted = fitted.predictValues(test);
        return IntStream.range(0, test.size()).mapToDouble(i -> Math.pow(predicted[i] - test.valueOf(i), 2)).average()
                .orElseThrow();
    }

    @Test
    void weightedRidgeFitsTheTargetsRegionOfANonlinearSourceBetterThanTheUnweightedOne() {
        Examples source = parabola(400, 0, 1, 1);
        Examples target = parabola(300, 1.5, 0.3, 2);
        Examples test = parabola(300, 1.5, 0.3, 3);
        TransferContext context = regressionContext(source, target.withoutLabels());
        double unweighted = mse(WeightedSourceRidge.fit(context, source, ones(source.size()), 1.0, ""), test);
        double kmm = mse(new KmmRegression().fit(new KmmRegression.Parameters(1000, 1000, 1000, -1, 0, 1.0), context), test);
        double kliep = mse(new KliepRegression().fit(new KliepRegression.Parameters(1000, 1000, 100, 0, 5, 1.0), context), test);
        assertTrue(kmm < 0.5 * unweighted, "kmm " + kmm + ", unweighted " + unweighted);
        assertTrue(kliep < 0.5 * unweighted, "kliep " + kliep + ", unweighted " + unweighted);
    }

    @Test
    void theRegressionStrategiesAreNotApplicableWithoutUnlabelledTargetData() {
        TransferContext context = regressionContext(parabola(50, 0, 1, 4), NONE);
        assertThrows(NotApplicableException.class,
                () -> new KmmRegression().fit(new KmmRegression.Parameters(1000, 1000, 1000, -1, 0, 1.0), context));
        assertThrows(NotApplicableException.class,
                () -> new KliepRegression().fit(new KliepRegression.Parameters(1000, 1000, 100, 0, 5, 1.0), context));
    }

    /**
     * Source classes a (x₀ around −1) and b (around +1), and c, which the target lacks; the target has a and b, its
     * examples all near x₀ = 1.5, with a few labels.
     */
    private static TransferContext classificationContext(long seed) {
        Examples source = classes(300, new double[] {-1, 1, 4}, 3, seed);
        Examples unlabelled = classes(200, new double[] {1.2, 1.8}, 2, seed + 1).withoutLabels();
        Examples train = classes(4, new double[] {1.2, 1.8}, 2, seed + 2);
        Examples validation = classes(4, new double[] {1.2, 1.8}, 2, seed + 3);
        LabelledSplit budget = new LabelledSplit(train, validation, new int[] {0, 1, 2, 3}, new int[] {4, 5, 6, 7});
        return new TransferContext("target", TaskType.CLASSIFICATION, List.of("a", "b"), FeatureShape.flat(2), budget, NETWORK,
                () -> {
                    throw new AssertionError("the weighting strategies read no source model");
                }, 6, TrainingLog.NONE).withAdaptationData(new TransferContext.SourceData(List.of("a", "b", "c"), source),
                unlabelled);
    }

    private static Examples classes(int n, double[] centres, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % count;
            x[2 * i] = (float) (centres[y[i]] + 0.4 * random.nextGaussian());
            x[2 * i + 1] = (float) random.nextGaussian();
        }
        return Examples.classified(x, 2, y);
    }

    @Test
    void theClassificationStrategiesPredictTheTargetsClassesOnlyAndAreDeterministic() {
        TransferContext context = classificationContext(10);
        Examples test = classes(200, new double[] {1.2, 1.8}, 2, 20);
        KmmClassification.Parameters kmm = new KmmClassification.Parameters(1000, 1000, 1000, -1, 0, 20, 0.1);
        KliepClassification.Parameters kliep = new KliepClassification.Parameters(1000, 1000, 100, 0, 5, 20, 0.1);
        for (Fitted fitted : List.of(new KmmClassification().fit(kmm, context), new KliepClassification().fit(kliep, context))) {
            int[] predicted = fitted.predictClasses(test);
            assertTrue(IntStream.of(predicted).allMatch(c -> c == 0 || c == 1), "a class the target lacks was predicted");
            assertTrue(fitted.provenance().contains("source weights"), fitted.provenance());
        }
        assertArrayEquals(new KmmClassification().fit(kmm, context).predictClasses(test),
                new KmmClassification().fit(kmm, context).predictClasses(test));
        assertArrayEquals(new KliepClassification().fit(kliep, context).predictClasses(test),
                new KliepClassification().fit(kliep, context).predictClasses(test));
    }

    @Test
    void theSourceWeightsOfTheClassificationStrategiesFavourTheTargetsRegion() {
        TransferContext context = classificationContext(30);
        Examples source = context.sourceData().train();
        // The shared source rows (classes a and b), as the strategies keep them.
        Examples shared = source.subset(IntStream.range(0, source.size()).filter(i -> source.classOf(i) < 2).toArray());
        SourceWeighting.Result kmm = WeightedFits.weighRows(shared, context.unlabelledTarget(),
                KmmRegression.weighting(new KernelMeanMatching.Settings(1000, -1, 0)), 1);
        SourceWeighting.Result kliep = WeightedFits.weighRows(shared, context.unlabelledTarget(),
                KliepRegression.weighting(new Kliep.Settings(100, 0, 5)), 1);
        for (SourceWeighting.Result result : List.of(kmm, kliep)) {
            double[] w = result.weights();
            double a = IntStream.range(0, shared.size()).filter(i -> shared.classOf(i) == 0).mapToDouble(i -> w[i]).average()
                    .orElseThrow();
            double b = IntStream.range(0, shared.size()).filter(i -> shared.classOf(i) == 1).mapToDouble(i -> w[i]).average()
                    .orElseThrow();
            assertTrue(b > 5 * a, result.description() + ": class b (near the target) " + b + ", class a (far) " + a);
        }
    }

    @Test
    void parametersOutsideTheirRangesAreRefusedWithTheirNames() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KmmClassification.Parameters(0, 1000, 1000, -1, 0, 20,
                0.1)).getMessage().contains("source-examples"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KliepRegression.Parameters(100, 0, 100, 0, 5, 1))
                .getMessage().contains("target-examples"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KmmRegression.Parameters(100, 100, 1000, -1, 0, -1))
                .getMessage().contains("l2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KliepClassification.Parameters(100, 100, 100, 0, 5, 0,
                0.1)).getMessage().contains("epochs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KmmClassification.Parameters(100, 100, 1000, -1, 0, 20,
                0)).getMessage().contains("learning-rate"));
        assertFalse(new KmmClassification().usesSourceModel(new KmmClassification.Parameters(1, 1, 1, -1, 0, 1, 0.1)));
        assertFalse(new KliepClassification().usesSourceModel(new KliepClassification.Parameters(1, 1, 1, 0, 2, 1, 0.1)));
        assertEquals("kmm", KmmRegression.NAME);
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }
}
