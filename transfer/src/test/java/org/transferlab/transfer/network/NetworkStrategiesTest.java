package org.transferlab.transfer.network;

import org.transferlab.transfer.engine.NetworkEvaluation;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.fashion.FashionMnistFiles;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.core.loader.fashion.IdxFixtures;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.TrainingLog;

class NetworkStrategiesTest {
    private static final NetworkSpec MLP = new NetworkSpec(NetworkSpec.Type.MLP, List.of(12, 6), List.of(), 1, 32, 0.01, 1);

    private static Domain synthetic(String name) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 8, 300, 60,
                2, 1, 0.3, 1, 2, 5), LoadContext.of(Path.of("unused")));
    }

    private static TransferContext context(Domain target, SourceModel source) {
        return new TransferContext(target.name(), target.task(), target.classNames(), target.shape(),
                new BudgetSampler(0.2).draw(target, LabelBudget.perClass(10), 1), source.spec(), () -> source, 3, TrainingLog.NONE);
    }

    @Test
    void featureExtractionFreezesEverythingBelowTheNewHead() {
        Domain source = synthetic("s");
        SourceModel model = SourceTrainer.train(source, MLP, 1, TrainingLog.NONE);
        MultiLayerNetwork head = FeatureExtraction.newHead(model, context(synthetic("t"), model), 0.01, 1);
        assertTrue(head.getLayer(0) instanceof FrozenLayer);
        assertTrue(head.getLayer(1) instanceof FrozenLayer);
        assertFalse(head.getLayer(2) instanceof FrozenLayer);
        MultiLayerNetwork fineTuned = FeatureExtraction.newHead(model, context(synthetic("t"), model), 0.01, -1);
        assertFalse(fineTuned.getLayer(0) instanceof FrozenLayer);
    }

    @Test
    void featureExtractionKeepsTheSourceFeaturesAndFineTuningChangesThem() {
        Domain source = synthetic("s");
        SourceModel model = SourceTrainer.train(source, MLP, 1, TrainingLog.NONE);
        float[] sourceFirstLayer = model.copy().getLayer(0).params().toFloatVector();
        Domain target = synthetic("t");

        org.transferlab.transfer.Fitted extracted = new FeatureExtraction()
                .fit(new FeatureExtraction.Parameters(0.01, 5, 5, 16), context(target, model));
        MultiLayerNetwork extractedNet = network(extracted);
        assertArrayEquals(sourceFirstLayer, extractedNet.getLayer(0).params().toFloatVector());

        org.transferlab.transfer.Fitted tuned = new FineTuning()
                .fit(new FineTuning.Parameters(0.01, 5, 5, 16, 0), context(target, model));
        assertFalse(java.util.Arrays.equals(sourceFirstLayer, network(tuned).getLayer(0).params().toFloatVector()));
    }

    @Test
    void fineTuningTheTopLayersLeavesTheLowerOnesAtTheSourceWeights() {
        SourceModel model = SourceTrainer.train(synthetic("s"), MLP, 1, TrainingLog.NONE);
        Domain target = synthetic("t");
        float[][] source = layers(model.copy());
        float[][] topOne = layers(network(new FineTuning().fit(new FineTuning.Parameters(0.01, 5, 5, 16, 1), context(target, model))));
        float[][] topTwo = layers(network(new FineTuning().fit(new FineTuning.Parameters(0.01, 5, 5, 16, 2), context(target, model))));
        assertArrayEquals(source[0], topOne[0]);
        assertArrayEquals(source[1], topOne[1]);
        assertArrayEquals(source[0], topTwo[0]);
        assertFalse(java.util.Arrays.equals(source[1], topTwo[1]), "the second layer from the top is trained");
    }

    @Test
    void lpFtProbesThenFineTunesEveryLayer() {
        SourceModel model = SourceTrainer.train(synthetic("s"), MLP, 1, TrainingLog.NONE);
        Domain target = synthetic("t");
        java.util.Set<String> phases = new java.util.LinkedHashSet<>();
        TransferContext context = new TransferContext(target.name(), target.task(), target.classNames(), target.shape(),
                new BudgetSampler(0.2).draw(target, LabelBudget.perClass(10), 1), model.spec(), () -> model, 3,
                (phase, epoch, t, ta, v, a) -> phases.add(phase));
        MultiLayerNetwork tuned = network(new LinearProbeThenFineTune().fit(
                new LinearProbeThenFineTune.Parameters(0.01, 0.01, 5, 5, 16), context));
        assertEquals(List.of("lp-ft/probe", "lp-ft/fine-tune"), List.copyOf(phases));
        assertFalse(java.util.Arrays.equals(layers(model.copy())[0], layers(tuned)[0]), "fine-tuning reaches the first layer");
    }

    @Test
    void layerTransferCopiesTheFirstLayersAndReinitialisesTheRest() {
        SourceModel model = SourceTrainer.train(synthetic("s"), MLP, 1, TrainingLog.NONE);
        Domain target = synthetic("t");
        float[][] source = layers(model.copy());
        float[][] frozen = layers(network(new LayerTransfer().fit(new LayerTransfer.Parameters(1, true, 0.01, 5, 5, 16),
                context(target, model))));
        assertArrayEquals(source[0], frozen[0], "AnB: the copied layer stays the source's");
        assertFalse(java.util.Arrays.equals(source[1], frozen[1]), "the layers above are the target's own");
        float[][] tuned = layers(network(new LayerTransfer().fit(new LayerTransfer.Parameters(1, false, 0.01, 5, 5, 16),
                context(target, model))));
        assertFalse(java.util.Arrays.equals(source[0], tuned[0]), "AnB+: the copied layer is trained too");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new LayerTransfer()
                .fit(new LayerTransfer.Parameters(3, true, 0.01, 5, 5, 16), context(target, model)));
    }

    @Test
    void discriminativeRatesMoveTheLowerLayersLess() {
        SourceModel model = SourceTrainer.train(synthetic("s"), MLP, 1, TrainingLog.NONE);
        Domain target = synthetic("t");
        float[] source = layers(model.copy())[0];
        float[] uniform = layers(network(new DiscriminativeFineTuning().fit(
                new DiscriminativeFineTuning.Parameters(0.01, 1, 5, 5, 16), context(target, model))))[0];
        float[] steep = layers(network(new DiscriminativeFineTuning().fit(
                new DiscriminativeFineTuning.Parameters(0.01, 1000, 5, 5, 16), context(target, model))))[0];
        double movedUniform = distance(source, uniform);
        double movedSteep = distance(source, steep);
        assertTrue(movedSteep > 0, "every layer is trained");
        assertTrue(movedSteep < movedUniform / 100, "a 1000x smaller rate two layers down: " + movedSteep + " vs " + movedUniform);
    }

    @Test
    void sourceOnlyOnATargetFromTheSourceDistributionScoresLikeTheSourceModel() {
        Domain source = new SyntheticLoader().load("s", new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 8,
                300, 600, 2, 1, 0.3, 1, 2, 5), LoadContext.of(Path.of("unused")));
        SourceModel model = SourceTrainer.train(source, MLP, 1, TrainingLog.NONE);
        Domain sameDistribution = new SyntheticLoader().load("t", new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 8,
                300, 600, 2, 1, 0.3, 1, 2, 99), LoadContext.of(Path.of("unused")));
        double onSource = NetworkEvaluation.accuracy(model.copy(), model.inputScaling().apply(source.test().open()));
        int[] predicted = new org.transferlab.transfer.baseline.SourceOnly()
                .fit(new org.transferlab.transfer.baseline.SourceOnly.Parameters(), context(sameDistribution, model))
                .predictClasses(sameDistribution.test().open());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == sameDistribution.test().open().classOf(i) ? 1 : 0;
        }
        assertEquals(onSource, (double) correct / predicted.length, 0.06, "same distribution, same accuracy up to sampling");
    }

    @Test
    void l2SpWithAHugePenaltyStaysAtTheSourceWeights() {
        SourceModel model = SourceTrainer.train(synthetic("s"), MLP, 1, TrainingLog.NONE);
        Domain target = synthetic("t");
        float[] source = layers(model.copy())[0];
        float[] free = layers(network(new L2StartingPoint().fit(new L2StartingPoint.Parameters(0, 0.01, 5, 5, 16),
                context(target, model))))[0];
        float[] pulled = layers(network(new L2StartingPoint().fit(new L2StartingPoint.Parameters(1e6, 0.01, 5, 5, 16),
                context(target, model))))[0];
        assertTrue(distance(source, pulled) < distance(source, free) / 5,
                "pulled " + distance(source, pulled) + " vs free " + distance(source, free));
        for (int i = 0; i < source.length; i++) {
            assertTrue(Math.abs(source[i] - pulled[i]) < 0.05, "weight " + i + " stays within a few learning rates");
        }
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static float[][] layers(MultiLayerNetwork network) {
        float[][] layers = new float[network.getnLayers()][];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = network.getLayer(i).params().toFloatVector();
        }
        return layers;
    }

    @Test
    void aCnnSourceTrainsAndTransfersOnImages(@org.junit.jupiter.api.io.TempDir Path data) throws java.io.IOException {
        IdxFixtures.fashionMnist(data.resolve("fashion-mnist"), 30, 10);
        FashionMnistLoader loader = new FashionMnistLoader(new FashionMnistFiles(List.of(), java.util.Optional.empty(), java.util.Map.of()));
        Domain source = loader.load("s", new FashionMnistLoader.Parameters(List.of(0, 1, 2), 0, false, 0, 0, 0, 0, org.transferlab.core.data.TaskType.CLASSIFICATION), LoadContext.of(data));
        Domain target = loader.load("t", new FashionMnistLoader.Parameters(List.of(3, 4), 0, false, 0, 0, 0, 0, org.transferlab.core.data.TaskType.CLASSIFICATION), LoadContext.of(data));
        NetworkSpec cnn = new NetworkSpec(NetworkSpec.Type.CNN, List.of(16), List.of(4, 8), 1, 16, 0.01, 1);
        SourceModel model = SourceTrainer.train(source, cnn, 1, TrainingLog.NONE);
        assertEquals(2 * 2 + 1 - 1, cnn.lastHiddenLayer());
        org.transferlab.transfer.Fitted fitted = new FeatureExtraction()
                .fit(new FeatureExtraction.Parameters(0.01, 3, 3, 8), context(target, model));
        int[] predicted = fitted.predictClasses(target.test().open());
        assertEquals(20, predicted.length);
    }

    private static MultiLayerNetwork network(org.transferlab.transfer.Fitted fitted) {
        return FittedNetworks.predictor(fitted).network();
    }
}
