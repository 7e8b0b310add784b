package org.transferlab.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.fashion.FashionMnistFiles;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.core.loader.fashion.IdxFixtures;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;
import org.transferlab.transfer.engine.TrainingLog;

/** Known answers for the classification versions of Daumé III's baselines: weighted, pred, linint, augment. */
class DaumeBaselinesTest {
    private static final NetworkSpec MLP = new NetworkSpec(NetworkSpec.Type.MLP, List.of(12, 6), List.of(), 1, 32, 0.01, 1);

    private static Domain synthetic(String name, int classes, long sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, classes, 8, 300, 60,
                2, 1, 0.3, 1, 2, sampleSeed), LoadContext.of(Path.of("unused")));
    }

    private static TransferContext context(Domain source, Domain target, SourceModel model, NetworkSpec network) {
        return new TransferContext(target.name(), target.task(), target.classNames(), target.shape(),
                new BudgetSampler(0.2).draw(target, LabelBudget.perClass(10), 1), network, () -> model, 3, TrainingLog.NONE)
                .withAdaptationData(new TransferContext.SourceData(source.classNames(), source.train()),
                        target.train().withoutLabels());
    }

    @Test
    void augmentMapsSourceRowsToXX0AndTargetRowsToX0X() {
        Examples examples = Examples.classified(new float[] {1, 2, 3, 4}, 2, new int[] {0, 1});
        Examples source = Augment.augmented(examples, true);
        Examples target = Augment.augmented(examples, false);
        assertArrayEquals(new float[] {1, 2, 1, 2, 0, 0, 3, 4, 3, 4, 0, 0}, source.featureMatrix());
        assertArrayEquals(new float[] {1, 2, 0, 0, 1, 2, 3, 4, 0, 0, 3, 4}, target.featureMatrix());
        assertArrayEquals(new int[] {0, 1}, target.classes());
        assertEquals(FeatureShape.flat(6), Augment.augmented(FeatureShape.flat(2)));
        assertEquals(FeatureShape.image(3, 28, 28), Augment.augmented(FeatureShape.image(1, 28, 28)),
                "for a CNN the three copies are stacked as channels");
    }

    @Test
    void weightedWithWeightOneTrainsOnPooledsExactTrainingSetAndLessWithLess() {
        Domain source = synthetic("s", 3, 5);
        Domain target = synthetic("t", 3, 6);
        TransferContext context = context(source, target, SourceTrainer.train(source, MLP, 1, TrainingLog.NONE), MLP);
        List<String> union = SourcePool.labelSpace(context);
        Examples pooled = Pooled.trainingSet(new Pooled.Parameters(200, 0.01, 2, 2, 16), context, union);
        Examples sample = SourcePool.sample(context, 200, union);
        Examples weighted = context.budget().train().concat(Weighted.kept(sample, 1, context.budget().train().size(), 3));
        assertEquals(context.budget().train().size() + 200, pooled.size());
        assertArrayEquals(pooled.featureMatrix(), weighted.featureMatrix());
        assertArrayEquals(pooled.classes(), weighted.classes());

        assertEquals(50, Weighted.kept(sample, 0.25, 24, 3).size());
        assertEquals(24, Weighted.kept(sample, 0, 24, 3).size(), "balanced: as many source examples as budget examples");
        assertEquals(200, Weighted.kept(sample, 0, 1000, 3).size(), "balanced keeps the whole sample when it is smaller");
        assertThrows(IllegalArgumentException.class, () -> new Weighted.Parameters(1.5, 0, 0.001, 20, 5, 64));
    }

    @Test
    void linintChoosesTheSourceWhenItIsPerfectAndTheTargetWhenTheSourceIsUseless() {
        int[] classes = {0, 1, 2, 1};
        float[] perfect = oneHot(classes, 3, 0);
        float[] wrong = oneHot(classes, 3, 1);
        float[] uniform = new float[classes.length * 3];
        java.util.Arrays.fill(uniform, 1f / 3);
        float[] decent = new float[classes.length * 3];
        for (int i = 0; i < classes.length; i++) {
            for (int c = 0; c < 3; c++) {
                decent[i * 3 + c] = c == classes[i] ? 0.6f : 0.2f;
            }
        }
        assertEquals(1.0, LinInt.bestAlpha(perfect, uniform, classes, 3), "a perfect source and a guessing target model");
        assertEquals(1.0, LinInt.bestAlpha(perfect, wrong, classes, 3), "a perfect source and a wrong target model");
        assertEquals(0.0, LinInt.bestAlpha(wrong, decent, classes, 3), "a source that is always wrong");
        assertEquals(0.0, LinInt.bestAlpha(uniform, perfect, classes, 3), "a guessing source and a perfect target model");
        // The source gives the true class 0.6 on the first row and 0.4 on the second, the target the reverse:
        // the likelihood (0.4 + 0.2α)(0.6 - 0.2α) is largest at α = 0.5.
        assertEquals(0.5, LinInt.bestAlpha(new float[] {0.6f, 0.4f, 0.4f, 0.6f}, new float[] {0.4f, 0.6f, 0.6f, 0.4f},
                new int[] {0, 0}, 2), 1e-12);
    }

    private static float[] oneHot(int[] classes, int k, int offset) {
        float[] hot = new float[classes.length * k];
        for (int i = 0; i < classes.length; i++) {
            hot[i * k + (classes[i] + offset) % k] = 1;
        }
        return hot;
    }

    @Test
    void linintRestrictsTheSourceToTheTargetsClassesAndRenormalises() {
        float[] source = {0.1f, 0.2f, 0.3f, 0.4f, 0, 0, 1, 0};
        assertArrayEquals(new float[] {0.4f / 0.6f, 0.2f / 0.6f, 0.5f, 0.5f}, LinInt.restricted(source, 4, new int[] {3, 1}), 1e-6f);
        assertArrayEquals(new float[] {0.25f, 0.75f, 0.5f, 0.5f},
                LinInt.interpolate(new float[] {0, 1, 1, 0}, new float[] {0.5f, 0.5f, 0, 1}, 0.5), 1e-6f);
    }

    @Test
    void linintDoesNotApplyWhenTheSourceLacksATargetClass() {
        Domain source = synthetic("s", 3, 5);
        Domain target = synthetic("t", 4, 6);
        TransferContext context = context(source, target, SourceTrainer.train(source, MLP, 1, TrainingLog.NONE), MLP);
        NotApplicableException e = assertThrows(NotApplicableException.class,
                () -> new LinInt().fit(new LinInt.Parameters(0.01, 2, 2, 16), context));
        assertTrue(e.getMessage().contains("class-3"), e.getMessage());
    }

    @Test
    void withoutTargetLabelsAugmentPredAndBalancedWeightingDoNotApply() {
        Domain source = synthetic("s", 3, 5);
        Domain target = synthetic("t", 3, 6);
        SourceModel model = SourceTrainer.train(source, MLP, 1, TrainingLog.NONE);
        TransferContext noLabels = new TransferContext(target.name(), target.task(), target.classNames(), target.shape(),
                new BudgetSampler(0.2).draw(target, LabelBudget.perClass(0), 1), MLP, () -> model, 3, TrainingLog.NONE)
                .withAdaptationData(new TransferContext.SourceData(source.classNames(), source.train()),
                        target.train().withoutLabels());
        assertEquals(0, noLabels.budget().train().size());
        Pooled.Parameters pooled = new Pooled.Parameters(100, 0.01, 1, 1, 16);
        assertThrows(NotApplicableException.class, () -> new Augment().fit(pooled, noLabels));
        assertThrows(NotApplicableException.class, () -> new Pred().fit(new Pred.Parameters(0.01, 1, 1, 16), noLabels));
        NotApplicableException balanced = assertThrows(NotApplicableException.class,
                () -> new Weighted().fit(new Weighted.Parameters(0, 100, 0.01, 1, 1, 16), noLabels));
        assertTrue(balanced.getMessage().contains("nothing to train on"), balanced.getMessage());
        // Pooling, and weighting with a given share, still train on the source alone: its classes are the target's.
        assertEquals(target.test().size(), new Weighted().fit(new Weighted.Parameters(0.5, 100, 0.01, 1, 1, 16), noLabels)
                .predictClasses(target.test().open()).length);
    }

    @Test
    void predAppendsTheSourceProbabilitiesToTheFeatures() {
        Domain source = synthetic("s", 3, 5);
        MultiLayerNetwork network = SourceTrainer.train(source, MLP, 1, TrainingLog.NONE).copy();
        Examples examples = synthetic("t", 3, 6).train().subset(new int[] {0, 1, 2, 3, 4});
        float[][] probabilities = network.output(org.transferlab.transfer.engine.Batches.features(examples), false).toFloatMatrix();
        float[] rows = NetworkOutputs.probabilities(network, examples);
        Examples flat = Pred.withSourceProbabilities(examples, rows, 3, 1);
        assertEquals(8 + 3, flat.featureCount());
        Examples channels = Pred.withSourceProbabilities(examples, rows, 3, 2);
        assertEquals(8 + 6, channels.featureCount());
        for (int i = 0; i < examples.size(); i++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(examples.feature(i, j), flat.feature(i, j));
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(probabilities[i][c], flat.feature(i, 8 + c), 1e-6);
                assertEquals(probabilities[i][c], channels.feature(i, 8 + 2 * c), 1e-6, "a constant channel");
                assertEquals(probabilities[i][c], channels.feature(i, 8 + 2 * c + 1), 1e-6, "a constant channel");
            }
            assertEquals(examples.classOf(i), flat.classOf(i));
        }
    }

    @Test
    void predAndAugmentTrainACnnOnImages(@org.junit.jupiter.api.io.TempDir Path data) throws java.io.IOException {
        IdxFixtures.fashionMnist(data.resolve("fashion-mnist"), 30, 10);
        FashionMnistLoader loader = new FashionMnistLoader(new FashionMnistFiles(List.of(), java.util.Optional.empty(), java.util.Map.of()));
        Domain source = loader.load("s", new FashionMnistLoader.Parameters(List.of(0, 1, 2), 0, false, 0, 0, 0, 0,
                TaskType.CLASSIFICATION), LoadContext.of(data));
        Domain target = loader.load("t", new FashionMnistLoader.Parameters(List.of(3, 4), 0, false, 0, 0, 0, 0,
                TaskType.CLASSIFICATION), LoadContext.of(data));
        NetworkSpec cnn = new NetworkSpec(NetworkSpec.Type.CNN, List.of(8), List.of(4), 1, 16, 0.01, 1);
        TransferContext context = context(source, target, SourceTrainer.train(source, cnn, 1, TrainingLog.NONE), cnn);
        Examples test = target.test().open();
        int[] pred = new Pred().fit(new Pred.Parameters(0.01, 1, 1, 16), context).predictClasses(test);
        int[] augment = new Augment().fit(new Pooled.Parameters(0, 0.01, 1, 1, 16), context).predictClasses(test);
        for (int[] predicted : List.of(pred, augment)) {
            assertEquals(test.size(), predicted.length);
            assertTrue(java.util.Arrays.stream(predicted).allMatch(c -> c == 0 || c == 1), "only the target's classes");
        }
    }
}
