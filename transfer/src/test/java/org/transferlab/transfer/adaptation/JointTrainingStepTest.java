package org.transferlab.transfer.adaptation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;

/**
 * One step of joint training through DL4J's layers by external gradients is the step DL4J itself takes on the same
 * network with an output layer, and DANN's reversed gradient reaches the features only as λ grows from 0.
 */
class JointTrainingStepTest {

    private static NeuralNetConfiguration.ListBuilder list() {
        return new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT).updater(new Sgd(0.1)).list();
    }

    private static MultiLayerNetwork network(NeuralNetConfiguration.ListBuilder builder) {
        MultiLayerNetwork network = new MultiLayerNetwork(builder.build());
        network.init();
        return network;
    }

    private static final Examples BATCH = Examples.classified(new float[] {
            0.1f, 0.5f, -0.3f, 1.0f,
            -1.0f, 0.2f, 0.4f, 0.0f,
            0.7f, -0.6f, 0.9f, -0.2f,
            0.3f, 0.3f, -0.8f, 0.5f,
            -0.4f, -0.9f, 0.1f, 0.6f}, 4, new int[] {0, 1, 1, 0, 1});

    @Test
    void aStepByExternalGradientsIsDl4jsOwnStepOnTheSameNetwork() {
        MultiLayerNetwork whole = network(list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2).activation(Activation.SOFTMAX).build()));
        MultiLayerNetwork features = network(list().layer(new DenseLayer.Builder().nIn(4).nOut(3).activation(Activation.TANH).build()));
        MultiLayerNetwork classifier = network(list().layer(new DenseLayer.Builder().nIn(3).nOut(2).activation(Activation.IDENTITY).build()));
        features.setParams(whole.getLayer(0).params().dup());
        classifier.setParams(whole.getLayer(1).params().dup());
        AdaptationModel model = new AdaptationModel(new ExternalErrorNetwork(features), new ExternalErrorNetwork(classifier),
                InputScaling.NONE, 3, 2, 2);

        whole.fit(Batches.dataSet(BATCH, 2));
        AdaptationTrainer.step(model, BATCH, Examples.classified(new float[0], 4, new int[0]),
                Examples.classified(new float[0], 4, new int[0]), AdaptationLoss.NONE, 0, 1);

        assertArrayEquals(whole.getLayer(0).params().toFloatVector(), features.params().toFloatVector(), 1e-6f);
        assertArrayEquals(whole.getLayer(1).params().toFloatVector(), classifier.params().toFloatVector(), 1e-6f);
    }

    @Test
    void jointTrainingStartsFromTheSourceModelsPredictionsForTheClassesItKnows() {
        MultiLayerNetwork trained = network(list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2).activation(Activation.SOFTMAX).build()));
        trained.getLayer(1).getParam("b").assign(Nd4j.createFromArray(0.3f, -0.2f).reshape(1, 2));
        SourceModel source = new SourceModel(trained, new NetworkSpec(NetworkSpec.Type.MLP, java.util.List.of(3),
                java.util.List.of(), 1, 32, 0.001, 1), java.util.List.of("a", "b"), 1, java.util.Map.of(), InputScaling.NONE);
        double[][] expected = trained.output(Batches.features(BATCH), false).castTo(DataType.DOUBLE).toDoubleMatrix();

        // The target's classes are "b" and "c"; the source's other class, "a", comes last.
        AdaptationModel model = AdaptationModel.on(source, java.util.List.of("b", "c", "a"), 2, 0.001, 5);
        double[][] logits = model.logits(BATCH);
        for (int i = 0; i < BATCH.size(); i++) {
            double[][] known = SoftmaxCrossEntropy.softmax(new double[][] {{logits[i][2], logits[i][0]}}, 1);
            assertArrayEquals(expected[i], known[0], 1e-5, "the source's classes a and b keep the source's outputs");
        }
    }

    @Test
    void theDiscriminatorsGradientReachesTheFeaturesReversedAndScaledByLambda() {
        double[][] features = {{0.1, 0.5}, {-1.0, 0.2}, {0.7, -0.6}, {0.3, 0.9}};
        double[][] logits = new double[4][2];
        DomainDiscriminator atStart = new DomainDiscriminator(2, 5, 0.01, 9, 1.0, 10);
        double[][] dFeatures = new double[4][2];
        atStart.addGradients(new Step(features, logits, 2, 0, 0, 1, BATCH.subset(new int[] {0, 1, 2, 3})), dFeatures, new double[4][2]);
        for (double[] row : dFeatures) {
            assertArrayEquals(new double[2], row, 0, "with λ = 0 the features get no domain gradient");
        }

        // The gradient of the discriminator's loss with respect to its input, from an identical discriminator.
        DomainDiscriminator probe = new DomainDiscriminator(2, 5, 0.01, 9, 1.0, 10);
        double[][] plain = new double[4][2];
        probe.addGradients(new Step(features, logits, 2, 0, 1, 1, BATCH.subset(new int[] {0, 1, 2, 3})), plain, new double[4][2]);
        double lambda = GradientReversal.lambda(1, 10);
        DomainDiscriminator later = new DomainDiscriminator(2, 5, 0.01, 9, 1.0, 10);
        double[][] reversed = new double[4][2];
        later.addGradients(new Step(features, logits, 2, 0, 0.5, 1, BATCH.subset(new int[] {0, 1, 2, 3})), reversed, new double[4][2]);
        double ratio = GradientReversal.lambda(0.5, 10) / lambda;
        boolean someNonZero = false;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(plain[i][j] * ratio, reversed[i][j], 1e-6, "the reversed gradient scales with λ");
                someNonZero |= Math.abs(reversed[i][j]) > 1e-6;
            }
        }
        assertTrue(someNonZero);
        MultiLayerNetwork discriminator = AdaptationModel.dense(2, 5, 2, 0.01, 9);
        // The sign: moving the source features along the reversed gradient raises the discriminator's loss.
        assertTrue(domainLoss(discriminator, features, reversed, -0.1) > domainLoss(discriminator, features, reversed, 0),
                "descending the reversed gradient ascends the domain loss ");
    }

    /** The balanced domain cross-entropy after moving the features by {@code step} times {@code direction}. */
    private static double domainLoss(MultiLayerNetwork discriminator, double[][] features, double[][] direction, double step) {
        double[][] moved = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            moved[i] = new double[features[i].length];
            for (int j = 0; j < moved[i].length; j++) {
                moved[i][j] = features[i][j] + step * direction[i][j];
            }
        }
        double[][] logits = discriminator.output(Nd4j.create(moved).castTo(DataType.FLOAT), false).castTo(DataType.DOUBLE)
                .toDoubleMatrix();
        return SoftmaxCrossEntropy.of(Step.slice(logits, 0, 2), new int[] {0, 0}).value()
                + SoftmaxCrossEntropy.of(Step.slice(logits, 2, 4), new int[] {1, 1}).value();
    }
}
