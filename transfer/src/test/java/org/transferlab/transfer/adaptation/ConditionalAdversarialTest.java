package org.transferlab.transfer.adaptation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.transfer.adaptation.FiniteDifferences.assertGradient;
import static org.transferlab.transfer.adaptation.FiniteDifferences.random;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * CDAN's multilinear map, entropy weights and adversarial term: the map is the outer product (or its randomized
 * version), its gradient with respect to features and logits matches finite differences, the domain gradient reaches
 * features and logits reversed only as λ grows from 0, and confident predictions weigh most.
 */
class ConditionalAdversarialTest {

    /** Σ c ⊙ T(f, softmax(z)) for a fixed random c: a scalar whose gradient checks T's backward pass. */
    private static double probe(MultilinearMap map, double[][] f, double[][] z, double[][] c) {
        double[][] h = map.forward(f, SoftmaxCrossEntropy.softmax(z, 1));
        double sum = 0;
        for (int i = 0; i < h.length; i++) {
            for (int k = 0; k < h[i].length; k++) {
                sum += c[i][k] * h[i][k];
            }
        }
        return sum;
    }

    private static void assertMapGradients(MultilinearMap map, String what) {
        double[][] f = random(4, 3, 11);
        double[][] z = random(4, 5, 12);
        double[][] c = random(4, map.width(), 13);
        double[][] g = SoftmaxCrossEntropy.softmax(z, 1);
        MultilinearMap.Backward back = map.backward(f, g, c);
        assertGradient(x -> probe(map, x, z, c), f, back.dFeatures(), what + ", features");
        assertGradient(x -> probe(map, f, x, c), z, SoftmaxCrossEntropy.throughSoftmax(g, back.dPredictions(), 1),
                what + ", logits through the softmax");
    }

    @Test
    void theExactMapIsTheFlattenedOuterProduct() {
        MultilinearMap map = MultilinearMap.exact(2, 2);
        assertArrayEquals(new double[] {0.25, 0.75, 0.5, 1.5}, map.forward(new double[][] {{1, 2}}, new double[][] {{0.25, 0.75}})[0],
                1e-15);
        assertEquals(30, MultilinearMap.of(10, 3, 1).width());
        assertEquals(4096, MultilinearMap.of(64, 64, 1).width(), "exact up to 4096 dimensions");
        assertEquals(MultilinearMap.RANDOM_WIDTH, MultilinearMap.of(65, 64, 1).width(), "randomized above");
    }

    @Test
    void theMapsGradientsWithRespectToFeaturesAndLogitsMatchFiniteDifferences() {
        assertMapGradients(MultilinearMap.exact(3, 5), "exact map");
        assertMapGradients(MultilinearMap.randomized(3, 5, 7, 21), "randomized map");
    }

    @Test
    void theRandomizedMapKeepsTheOuterProductsInnerProductsOnAverage() {
        // E[<T(f, g), T(f', g')>] = <f, f'><g, g'> for the randomized map with standard normal matrices.
        double[][] f = {{1, -0.5, 2}, {0.3, 1, -1}};
        double[][] g = {{0.2, 0.5, 0.3}, {0.6, 0.1, 0.3}};
        double[][] exact = MultilinearMap.exact(3, 3).forward(f, g);
        double expected = dot(exact[0], exact[1]);
        double mean = 0;
        int draws = 200;
        for (int s = 0; s < draws; s++) {
            double[][] h = MultilinearMap.randomized(3, 3, 256, s).forward(f, g);
            mean += dot(h[0], h[1]) / draws;
        }
        assertEquals(expected, mean, 0.1 * Math.abs(expected) + 0.02);
        double[][] again = MultilinearMap.randomized(3, 3, 256, 5).forward(f, g);
        assertArrayEquals(again[0], MultilinearMap.randomized(3, 3, 256, 5).forward(f, g)[0], 0, "seeded");
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += x[j] * y[j];
        }
        return s;
    }

    @Test
    void entropyWeightsAreHighestForConfidentPredictionsAndSumToOneInEachDomain() {
        double[][] p = {{1, 0, 0}, {0.8, 0.1, 0.1}, {1.0 / 3, 1.0 / 3, 1.0 / 3}, {0.5, 0.5, 0}, {0.98, 0.01, 0.01}};
        double[] raw = EntropyConditioning.raw(p);
        assertEquals(2, raw[0], 1e-12, "a one-hot prediction has entropy 0");
        assertEquals(1 + 1.0 / 3, raw[2], 1e-12, "a uniform one has entropy log K");
        assertTrue(raw[0] > raw[1] && raw[1] > raw[2], Arrays.toString(raw));
        double[] w = EntropyConditioning.weights(p, 3);
        assertEquals(1, w[0] + w[1] + w[2], 1e-12);
        assertEquals(1, w[3] + w[4], 1e-12);
        assertTrue(w[4] > w[3], "the confident target row weighs more");
    }

    private static final double[][] FEATURES = {{0.1, 0.5}, {-1.0, 0.2}, {0.7, -0.6}, {0.3, 0.9}, {-0.2, -0.4}};
    private static final double[][] LOGITS = {{1.0, -0.5, 0.2}, {0.3, 0.3, -1.0}, {-0.7, 1.2, 0.4}, {2.0, 0.1, -0.3},
            {0.0, 0.5, 0.5}};
    /** The step's examples, which cdan's term does not read. */
    private static final org.transferlab.core.data.Examples UNREAD_ROWS =
            org.transferlab.core.data.Examples.classified(new float[5], 1, new int[5]);

    private static ConditionalDiscriminator cdan(boolean entropy) {
        MultilinearMap map = MultilinearMap.exact(2, 3);
        return new ConditionalDiscriminator(new DomainDiscriminator(map.width(), 4, 0.01, 9, 1.5, 10), map, entropy);
    }

    @Test
    void withLambdaZeroNeitherFeaturesNorLogitsGetADomainGradient() {
        double[][] dFeatures = new double[5][2];
        double[][] dLogits = new double[5][3];
        double loss = cdan(true).addGradients(new Step(FEATURES, LOGITS, 2, 0, 0, 1, UNREAD_ROWS), dFeatures, dLogits);
        assertTrue(loss > 0);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(new double[2], dFeatures[i], 0, "features, row " + i);
            assertArrayEquals(new double[3], dLogits[i], 0, "logits, row " + i);
        }
    }

    /**
     * The discriminator's loss on T(f, softmax(z)) with the step's row weights held, in double precision, from a
     * network initialised as the term's own: d loss / d (f, z) is the term's reversed gradient divided by -λ.
     */
    @Test
    void theReversedGradientIsMinusLambdaTimesTheDomainLossesGradientInFeaturesAndLogits() {
        for (boolean entropy : new boolean[] {true, false}) {
            double progress = 0.3;
            double lambda = GradientReversal.lambda(progress, 10);
            double[][] dFeatures = new double[5][2];
            double[][] dLogits = new double[5][3];
            cdan(entropy).addGradients(new Step(FEATURES, LOGITS, 2, 0, progress, 1, UNREAD_ROWS), dFeatures, dLogits);
            MultiLayerNetwork discriminator = AdaptationModel.dense(6, 4, 2, 0.01, 9).convertDataType(DataType.DOUBLE);
            double[] weights = entropy ? EntropyConditioning.weights(SoftmaxCrossEntropy.softmax(LOGITS, 1), 2)
                    : DomainDiscriminator.balanced(2, 5);
            String what = entropy ? "CDAN+E" : "CDAN";
            assertGradient(f -> domainLoss(discriminator, f, LOGITS, weights), FEATURES, scaled(dFeatures, -1 / lambda),
                    1e-5, 1e-3, what + ", features");
            assertGradient(z -> domainLoss(discriminator, FEATURES, z, weights), LOGITS, scaled(dLogits, -1 / lambda),
                    1e-5, 1e-3, what + ", logits");
        }
    }

    private static double domainLoss(MultiLayerNetwork discriminator, double[][] f, double[][] z, double[] weights) {
        double[][] h = MultilinearMap.exact(2, 3).forward(f, SoftmaxCrossEntropy.softmax(z, 1));
        double[][] logits = discriminator.output(Nd4j.create(h), false).toDoubleMatrix();
        return 1.5 / 2 * SoftmaxCrossEntropy.weighted(logits, new int[] {0, 0, 1, 1, 1}, weights).value();
    }

    private static double[][] scaled(double[][] x, double factor) {
        double[][] s = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            s[i] = Arrays.stream(x[i]).map(v -> v * factor).toArray();
        }
        return s;
    }

    @Test
    void badParametersNameTheirKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConditionalDomainAdversarial.Parameters(-1, 10, 100, true, 0.001, 20, 5, 32, 2000));
        assertTrue(e.getMessage().contains("trade-off"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ConditionalDomainAdversarial.Parameters(1, 0, 100, true, 0.001, 20, 5, 32, 2000));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
    }
}
