package org.transferlab.transfer.adaptation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.transfer.adaptation.FiniteDifferences.assertGradient;
import static org.transferlab.transfer.adaptation.FiniteDifferences.random;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * SHOT: its information-maximisation loss and pseudo-labels, and a fit that reads no source data, keeps the source
 * head as it was, runs its fixed epochs without a validation split and is not applicable to classes the head lacks.
 */
class SourceHypothesisTransferTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");
    private static final double[][] CENTRES = {{-2, 0}, {2, 0}, {0, 2.5}};
    private static final NetworkSpec SPEC = new NetworkSpec(NetworkSpec.Type.MLP, List.of(8), List.of(), 1, 32, 0.01, 1);
    private static final Examples NONE = Examples.classified(new float[0], 2, new int[0]);
    private static final SourceModel SOURCE = sourceModel();

    /** Blobs around {@link #CENTRES} moved by {@code shift}, class i % 3. */
    private static Examples blobs(int n, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[2 * i] = (float) (CENTRES[y[i]][0] + shift + 0.6 * random.nextGaussian());
            x[2 * i + 1] = (float) (CENTRES[y[i]][1] + shift + 0.6 * random.nextGaussian());
        }
        return Examples.classified(x, 2, y);
    }

    private static SourceModel sourceModel() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(4).dataType(DataType.FLOAT)
                .updater(new Adam(0.02)).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        Examples source = blobs(300, 0, 1);
        for (int epoch = 0; epoch < 100; epoch++) {
            network.fit(Batches.dataSet(source, 3));
        }
        return new SourceModel(network, SPEC, CLASSES, 1, Map.of(), InputScaling.NONE);
    }

    /** A list that records every read of it: the source data's class names, which SHOT must not touch. */
    private static final class Watched extends AbstractList<String> {
        final List<String> reads = new ArrayList<>();

        @Override
        public String get(int index) {
            reads.add("get(" + index + ")");
            throw new AssertionError("SHOT read the source data's class names");
        }

        @Override
        public int size() {
            reads.add("size()");
            throw new AssertionError("SHOT read the source data's class names");
        }
    }

    private static TransferContext context(List<String> targetClasses, LabelledSplit budget, TransferContext.SourceData data) {
        return new TransferContext("target", TaskType.CLASSIFICATION, targetClasses, FeatureShape.flat(2), budget, SPEC,
                () -> SOURCE, 5, TrainingLog.NONE).withAdaptationData(data, blobs(240, 1.0, 2).withoutLabels());
    }

    private static final LabelledSplit NO_BUDGET = new LabelledSplit(NONE, NONE, new int[0], new int[0]);
    private static final SourceHypothesisTransfer.Parameters FEW = new SourceHypothesisTransfer.Parameters(0.3, 0.001, 3, 5, 32, 0);

    @Test
    void theInformationMaximisationGradientMatchesFiniteDifferences() {
        double[][] z = random(6, 4, 31);
        assertGradient(x -> InformationMaximisation.of(x).value(), z, InformationMaximisation.of(z).gradient(), "IM");
    }

    @Test
    void informationMaximisationRewardsConfidentAndDiversePredictions() {
        double[][] distinct = {{40, 0, 0}, {0, 40, 0}, {0, 0, 40}};
        assertEquals(-Math.log(3), InformationMaximisation.of(distinct).value(), 1e-9, "confident, every class used");
        assertEquals(0, InformationMaximisation.of(new double[][] {{40, 0, 0}, {40, 0, 0}}).value(), 1e-9, "collapsed");
        assertEquals(0, InformationMaximisation.of(new double[][] {{1, 1, 1}, {2, 2, 2}}).value(), 1e-12, "uniform");
    }

    @Test
    void pseudoLabelsAreTheFeatureClustersEvenWhereThePredictionsAreWrong() {
        double[][] features = new double[30][];
        double[][] probabilities = new double[30][];
        int[] truth = new int[30];
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 30; i++) {
            truth[i] = i % 3;
            features[i] = new double[] {3 * Math.cos(2 * Math.PI * truth[i] / 3) + 0.2 * random.nextGaussian(),
                    3 * Math.sin(2 * Math.PI * truth[i] / 3) + 0.2 * random.nextGaussian()};
            // Predictions lean to the right class, but every fifth one is confidently wrong.
            int predicted = i % 5 == 0 ? (truth[i] + 1) % 3 : truth[i];
            probabilities[i] = new double[3];
            java.util.Arrays.fill(probabilities[i], 0.15);
            probabilities[i][predicted] = 0.7;
        }
        assertArrayEquals(truth, CentroidPseudoLabels.of(features, probabilities));
        assertFalse(java.util.Arrays.equals(truth, AdaptationModel.argMax(probabilities, 3)), "the predictions alone are wrong");
    }

    @Test
    void theRefinementRoundCorrectsTheSoftCentroidsLabels() {
        // Three clusters whose predictions lean only a little to the right class: the probability-weighted centroids
        // are pulled towards each other and mislabel several examples, the centroids of the labelled clusters do not.
        SplittableRandom random = new SplittableRandom(145);
        double[][] features = new double[30][];
        double[][] probabilities = new double[30][];
        int[] truth = new int[30];
        for (int i = 0; i < 30; i++) {
            truth[i] = i % 3;
            features[i] = new double[] {3 * Math.cos(2 * Math.PI * truth[i] / 3) + 0.5 * random.nextGaussian(),
                    3 * Math.sin(2 * Math.PI * truth[i] / 3) + 0.5 * random.nextGaussian()};
            double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            z[truth[i]] += 0.8;
            probabilities[i] = SoftmaxCrossEntropy.softmax(new double[][] {z}, 1)[0];
        }
        int[] soft = CentroidPseudoLabels.of(features, probabilities, 0);
        assertTrue(IntStream.range(0, 30).filter(i -> soft[i] != truth[i]).count() >= 5, "the soft centroids mislabel some");
        assertArrayEquals(truth, CentroidPseudoLabels.of(features, probabilities));
    }

    @Test
    void itNeverReadsTheSourceDataAndItsResultDoesNotDependOnIt() {
        Watched names = new Watched();
        // Examples no network could take (one feature, not two, and NaN), should anything try to train on them.
        TransferContext.SourceData poison = new TransferContext.SourceData(names,
                Examples.classified(new float[] {Float.NaN}, 1, new int[] {7}), 3);
        Fitted fitted = new SourceHypothesisTransfer().fit(FEW, context(CLASSES, NO_BUDGET, poison));
        assertEquals(List.of(), names.reads);
        Examples test = blobs(90, 1.0, 3);
        Fitted withRealSource = new SourceHypothesisTransfer().fit(FEW,
                context(CLASSES, NO_BUDGET, new TransferContext.SourceData(CLASSES, blobs(300, 0, 1))));
        assertArrayEquals(withRealSource.predictClasses(test), fitted.predictClasses(test));
    }

    @Test
    void theSourceHeadIsFrozenWhileTheFeatureExtractorLearns() {
        AdaptationModel start = AdaptationModel.onSourceHead(SOURCE, CLASSES, 3, 0.001, 1);
        Fitted fitted = new SourceHypothesisTransfer().fit(FEW, context(CLASSES, NO_BUDGET, TransferContext.SourceData.NONE));
        AdaptationModel model = (AdaptationModel) ((Fitted.Classes) fitted).predictor();
        assertArrayEquals(start.classifier.params().toFloatVector(), model.classifier.params().toFloatVector(), 0f,
                "the head's weights");
        assertFalse(java.util.Arrays.equals(start.features.params().toFloatVector(), model.features.params().toFloatVector()),
                "the feature extractor's weights changed");
        assertEquals(3, fitted.summary().epochsRun(), "without a validation split it runs max-epochs");
        assertEquals(3, fitted.summary().bestEpoch(), "and keeps the last epoch");
    }

    @Test
    void itAdaptsTheSourceModelToAShiftedTarget() {
        Examples test = blobs(300, 1.0, 3);
        double sourceOnly = accuracy(AdaptationModel.onSourceHead(SOURCE, CLASSES, 3, 0.001, 1).predictClasses(test), test);
        Fitted fitted = new SourceHypothesisTransfer().fit(new SourceHypothesisTransfer.Parameters(0.3, 0.003, 15, 5, 32, 0),
                context(CLASSES, NO_BUDGET, TransferContext.SourceData.NONE));
        double shot = accuracy(fitted.predictClasses(test), test);
        assertTrue(shot > sourceOnly + 0.05, "shot " + shot + ", source only " + sourceOnly);
    }

    private static double accuracy(int[] predicted, Examples test) {
        return IntStream.range(0, test.size()).filter(i -> predicted[i] == test.classOf(i)).count() / (double) test.size();
    }

    @Test
    void withABudgetItStopsEarlyOnItsValidationSplitAndPredictsTheTargetsClassesOnly() {
        Examples train = blobs(12, 1.0, 5);
        Examples validation = blobs(9, 1.0, 6);
        // The target has b and c only (indices 0 and 1), which the source head knows among a, b, c.
        Examples twoClassTrain = relabel(train);
        Examples twoClassValidation = relabel(validation);
        LabelledSplit budget = new LabelledSplit(twoClassTrain, twoClassValidation, new int[twoClassTrain.size()],
                new int[twoClassValidation.size()]);
        Fitted fitted = new SourceHypothesisTransfer().fit(new SourceHypothesisTransfer.Parameters(0.3, 0.001, 4, 1, 32, 0),
                context(List.of("b", "c"), budget, TransferContext.SourceData.NONE));
        FitSummary summary = fitted.summary();
        assertTrue(Double.isFinite(summary.validationLoss()), "validated on the budget");
        assertTrue(IntStream.of(fitted.predictClasses(blobs(60, 1.0, 7))).allMatch(c -> c == 0 || c == 1));
    }

    /** The rows of classes b and c, as classes 0 and 1. */
    private static Examples relabel(Examples examples) {
        int[] rows = IntStream.range(0, examples.size()).filter(i -> examples.classOf(i) != 0).toArray();
        Examples kept = examples.subset(rows);
        int[] classes = kept.classes();
        for (int i = 0; i < classes.length; i++) {
            classes[i] -= 1;
        }
        return Examples.classified(kept.featureMatrix(), 2, classes);
    }

    @Test
    void itIsNotApplicableToATargetClassTheSourceHeadLacks() {
        NotApplicableException e = assertThrows(NotApplicableException.class, () -> new SourceHypothesisTransfer().fit(FEW,
                context(List.of("a", "d"), NO_BUDGET, TransferContext.SourceData.NONE)));
        assertTrue(e.getMessage().contains("[d]") && e.getMessage().contains("closed-set"), e.getMessage());
    }

    @Test
    void badParametersNameTheirKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SourceHypothesisTransfer.Parameters(-0.1, 0.001, 15, 5, 32, 0));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SourceHypothesisTransfer.Parameters(0.3, 0.001, 15, 5, 32, -1));
        assertTrue(e.getMessage().contains("target-examples"), e.getMessage());
    }
}
