package org.transferlab.transfer.adaptation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;

/**
 * DELTA's regulariser starts at zero, weighs the channels the task relies on and vanishes with α = 0; Co-Tuning's
 * relationship is a per-class mean of source probabilities (the identity for the source's own classes under a
 * perfect source head), and with λ = 0 its step is plain fine-tuning's.
 */
class FineTuningRegularisersTest {
    private static final Examples NONE = Examples.classified(new float[0], 4, new int[0]);
    private static final Examples BUDGET = Examples.classified(new float[] {
            0.1f, 0.5f, -0.3f, 1.0f,
            -1.0f, 0.2f, 0.4f, 0.0f,
            0.7f, -0.6f, 0.9f, -0.2f,
            0.3f, 0.3f, -0.8f, 0.5f,
            -0.4f, -0.9f, 0.1f, 0.6f}, 4, new int[] {0, 1, 1, 0, 1});

    private static SourceModel source(MultiLayerNetwork network, int hidden, List<String> classes) {
        return new SourceModel(network, new NetworkSpec(NetworkSpec.Type.MLP, List.of(hidden), List.of(), 1, 32, 0.001, 1),
                classes, 1, java.util.Map.of(), InputScaling.NONE);
    }

    /** A source network 4 → 3 (tanh) → 2 (softmax) over classes a, b, from seed 3. */
    private static SourceModel smallSource() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new Adam(0.01)).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2).activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        return source(network, 3, List.of("a", "b"));
    }

    private static AdaptationModel model(SourceModel source) {
        return AdaptationModel.on(source, List.of("a", "b"), 2, 0.01, 5);
    }

    /** The term's value and feature gradient on the model's budget-only step over {@link #BUDGET}. */
    private static double term(AdaptationModel model, AdaptationLoss loss, double[][] dFeatures) {
        double[][] features = ExternalErrorNetwork.rows(model.features.forward(Batches.features(BUDGET)));
        double[][] logits = ExternalErrorNetwork.rows(model.classifier.forward(ExternalErrorNetwork.array(features)));
        return loss.addGradients(new Step(features, logits, 0, BUDGET.size(), 0, 1, BUDGET), dFeatures, new double[5][2]);
    }

    private static boolean allZero(double[][] rows) {
        for (double[] row : rows) {
            for (double v : row) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void deltaIsZeroWhileTheNetworkIsTheSourcesAndGrowsOnceFineTuningMovesIt() {
        AdaptationModel model = model(smallSource());
        AttentiveFeatureDistance delta = FeatureMapAttention.regulariser(model, BUDGET,
                new FeatureMapAttention.Parameters(1.0, 0.01, 20, 0.01, 3, 3, 32));
        double[][] atStart = new double[5][3];
        assertEquals(0, term(model, delta, atStart), 1e-12);
        assertTrue(allZero(atStart), "no gradient while the features are the source's");

        for (int s = 0; s < 5; s++) {
            AdaptationTrainer.step(model, NONE, BUDGET, NONE, AdaptationLoss.NONE, 0, 1);
        }
        double[][] moved = new double[5][3];
        double distance = term(model, delta, moved);
        assertTrue(distance > 1e-6, "the source's copy stays where it was");
        assertFalse(allZero(moved));
        MultiLayerNetwork start = model(smallSource()).features.network();
        double[] attention = {0.2, 0.3, 0.5};
        assertEquals(0.25 * term(model, new AttentiveFeatureDistance(start, attention, 1.0), new double[5][3]),
                term(model, new AttentiveFeatureDistance(start, attention, 0.25), new double[5][3]), 1e-12, "the term scales with α");
    }

    @Test
    void withAlphaZeroDeltaAddsNoFeatureTermAndTheStepIsPlainFineTunings() {
        SourceModel source = smallSource();
        AdaptationModel plain = model(source);
        AdaptationModel regularised = model(source);
        AttentiveFeatureDistance off = new AttentiveFeatureDistance(regularised.features.network().clone(),
                new double[] {0.2, 0.3, 0.5}, 0);
        for (int s = 0; s < 5; s++) {
            AdaptationTrainer.step(plain, NONE, BUDGET, NONE, AdaptationLoss.NONE, 0, 1);
            AdaptationTrainer.step(regularised, NONE, BUDGET, NONE, off, 0, 1);
        }
        double[][] dFeatures = new double[5][3];
        assertEquals(0, term(regularised, off, dFeatures), 0);
        assertTrue(allZero(dFeatures));
        assertArrayEquals(plain.features.params().toFloatVector(), regularised.features.params().toFloatVector(), 0);
        assertArrayEquals(plain.classifier.params().toFloatVector(), regularised.classifier.params().toFloatVector(), 0);
    }

    @Test
    void aChannelTheClassifierIgnoresGetsTheSmallestAttentionAndTheOneItReliesOnMostTheLargest() {
        double[][] features = new double[40][];
        int[] classes = new int[40];
        java.util.SplittableRandom random = new java.util.SplittableRandom(21);
        for (int i = 0; i < features.length; i++) {
            features[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            classes[i] = 2 * features[i][0] + features[i][1] > 0 ? 0 : 1;
        }
        // Logits from channel 0 (weight 2) and channel 1 (weight 1); channel 2 is not read.
        java.util.function.UnaryOperator<double[][]> classifier = rows -> {
            double[][] logits = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                double score = 3 * (2 * rows[i][0] + rows[i][1]);
                logits[i] = new double[] {score, -score};
            }
            return logits;
        };
        double[] increases = ChannelAttention.lossIncreases(features, classes, classifier);
        assertEquals(0, increases[2], 1e-12, "zeroing an unread channel changes nothing");
        double[][] fromChannelOne = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            fromChannelOne[i] = new double[] {3 * features[i][1], -3 * features[i][1]};
        }
        assertEquals(SoftmaxCrossEntropy.of(fromChannelOne, classes).value()
                - SoftmaxCrossEntropy.of(classifier.apply(features), classes).value(), increases[0], 1e-12,
                "without channel 0 the logits are channel 1's alone");
        double[] weights = ChannelAttention.weights(features, classes, classifier);
        assertEquals(1, weights[0] + weights[1] + weights[2], 1e-12);
        assertTrue(weights[0] > weights[1] && weights[1] > weights[2], java.util.Arrays.toString(weights));
    }

    @Test
    void deltasHeadPenaltyShrinksTheClassifiersWeightsButNotItsBiases() {
        ExternalErrorNetwork penalised = new ExternalErrorNetwork(AdaptationModel.linear(3, 2, 0.01, 7));
        ExternalErrorNetwork free = new ExternalErrorNetwork(AdaptationModel.linear(3, 2, 0.01, 7));
        penalised.network().getLayer(0).getParam("b").assign(0.5);
        free.network().getLayer(0).getParam("b").assign(0.5);
        FeatureMapAttention.penaliseHead(penalised, 0.01);
        INDArray before = penalised.network().getLayer(0).getParam("W").dup();
        INDArray input = Nd4j.rand(DataType.FLOAT, 4, 3);
        for (ExternalErrorNetwork head : List.of(penalised, free)) {
            head.forward(input);
            head.backward(Nd4j.zeros(DataType.FLOAT, 4, 2), 1);
        }
        INDArray after = penalised.network().getLayer(0).getParam("W");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertTrue(Math.abs(after.getDouble(i, j)) < Math.abs(before.getDouble(i, j)), "weight " + i + "," + j + " shrinks");
            }
        }
        assertEquals(0.5, penalised.network().getLayer(0).getParam("b").getDouble(0), 1e-7, "biases are not penalised");
        assertEquals(0, before.sub(free.network().getLayer(0).getParam("W")).amaxNumber().doubleValue(), 0,
                "without the penalty a zero gradient moves nothing");
    }

    @Test
    void theRelationshipIsThePerClassMeanOfTheSourceProbabilities() {
        double[][] probabilities = {{0.7, 0.2, 0.1}, {0.5, 0.3, 0.2}, {0.1, 0.1, 0.8}};
        double[][] relationship = CategoryRelationship.direct(probabilities, new int[] {0, 0, 1}, 3);
        assertArrayEquals(new double[] {0.6, 0.25, 0.15}, relationship[0], 1e-12);
        assertArrayEquals(new double[] {0.1, 0.1, 0.8}, relationship[1], 1e-12);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, relationship[2], 1e-12, "a class without examples");
        for (double[] row : relationship) {
            assertEquals(1, java.util.Arrays.stream(row).sum(), 1e-12);
        }
    }

    /** A source network whose features are its inputs and whose head is 20 · identity over classes a, b, c. */
    private static SourceModel perfectSource() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new Adam(0.01)).list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(3).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        network.getLayer(0).getParam("W").assign(Nd4j.eye(3));
        network.getLayer(0).getParam("b").assign(0);
        network.getLayer(1).getParam("W").assign(Nd4j.eye(3).muli(20));
        network.getLayer(1).getParam("b").assign(0);
        return source(network, 3, List.of("a", "b", "c"));
    }

    @Test
    void underAPerfectSourceHeadTheRelationshipMapsEachTargetClassToTheSourceClassOfItsExamples() {
        SourceModel source = perfectSource();
        // The target's classes are c, a, b: an example of target class t is one-hot at its source class.
        int[] sourceClassOf = {2, 0, 1};
        int[] classes = {0, 1, 2, 0, 1, 2};
        float[] features = new float[classes.length * 3];
        for (int i = 0; i < classes.length; i++) {
            features[3 * i + sourceClassOf[classes[i]]] = 1;
        }
        AdaptationModel model = AdaptationModel.on(source, List.of("c", "a", "b"), 3, 0.01, 5);
        double[][] relationship = CoTuning.relationship(model, AdaptationModel.sourceHead(source, 0.01, 5).orElseThrow(),
                Examples.classified(features, 3, classes), 3, 1.0);
        for (int t = 0; t < 3; t++) {
            double[] expected = new double[3];
            expected[sourceClassOf[t]] = 1;
            assertArrayEquals(expected, relationship[t], 1e-6, "target class " + t);
        }
    }

    @Test
    void withLambdaZeroTheSourceHeadGetsNoGradientAndTheStepIsPlainFineTunings() {
        SourceModel source = smallSource();
        double[][] relationship = {{0.9, 0.1}, {0.2, 0.8}};
        AdaptationModel plain = model(source);
        AdaptationModel off = model(source);
        AdaptationModel on = model(source);
        AdaptationModel probe = model(source);
        ExternalErrorNetwork offHead = AdaptationModel.sourceHead(source, 0.01, 5).orElseThrow();
        ExternalErrorNetwork onHead = AdaptationModel.sourceHead(source, 0.01, 5).orElseThrow();
        INDArray headBefore = offHead.params().dup();
        for (int s = 0; s < 3; s++) {
            AdaptationTrainer.step(plain, NONE, BUDGET, NONE, AdaptationLoss.NONE, 0, 1);
            AdaptationTrainer.step(off, NONE, BUDGET, NONE, new SourceHeadCoTraining(offHead, relationship, 0), 0, 1);
            AdaptationTrainer.step(on, NONE, BUDGET, NONE, new SourceHeadCoTraining(onHead, relationship, 2.3), 0, 1);
        }
        assertArrayEquals(headBefore.toFloatVector(), offHead.params().toFloatVector(), 0);
        assertArrayEquals(plain.features.params().toFloatVector(), off.features.params().toFloatVector(), 0);
        assertArrayEquals(plain.classifier.params().toFloatVector(), off.classifier.params().toFloatVector(), 0);
        assertFalse(java.util.Arrays.equals(headBefore.toFloatVector(), onHead.params().toFloatVector()),
                "with λ > 0 the source head is trained");
        assertFalse(java.util.Arrays.equals(plain.features.params().toFloatVector(), on.features.params().toFloatVector()),
                "with λ > 0 its gradient reaches the features");

        // The term is λ times the source head's cross-entropy against the relationship rows of the examples' labels.
        ExternalErrorNetwork head = AdaptationModel.sourceHead(source, 0.01, 5).orElseThrow();
        double[][] features = ExternalErrorNetwork.rows(probe.features.output(Batches.features(BUDGET)));
        double[][] targets = new double[BUDGET.size()][];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = relationship[BUDGET.classes()[i]];
        }
        double expected = 2.3 * SoftmaxCrossEntropy.ofDistributions(ExternalErrorNetwork.rows(head.output(
                ExternalErrorNetwork.array(features))), targets).value();
        assertEquals(expected, term(probe, new SourceHeadCoTraining(head, relationship, 2.3), new double[5][3]), 1e-6);
    }

    @Test
    void badParametersAreRefusedNamingTheirKey() {
        for (Runnable bad : List.<Runnable>of(
                () -> new FeatureMapAttention.Parameters(-0.1, 0.01, 100, 0.001, 100, 10, 32),
                () -> new FeatureMapAttention.Parameters(0.01, Double.NaN, 100, 0.001, 100, 10, 32),
                () -> new FeatureMapAttention.Parameters(0.01, 0.01, -1, 0.001, 100, 10, 32),
                () -> new CoTuning.Parameters(-1, 1, 0.001, 100, 10, 32),
                () -> new CoTuning.Parameters(2.3, 0, 0.001, 100, 10, 32))) {
            IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, bad::run);
            assertTrue(refused.getMessage().matches("(alpha|beta|probe-steps|lambda|temperature) must .*"), refused.getMessage());
        }
    }
}
