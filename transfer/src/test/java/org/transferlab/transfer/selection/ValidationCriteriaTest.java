package org.transferlab.transfer.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The unsupervised validation criteria against values worked out by hand. */
class ValidationCriteriaTest {
    @Test
    void entropyIsZeroForCertainPredictionsAndLogTwoForAToss() {
        assertEquals(-Math.log(2) / 2, ValidationCriteria.negativeEntropy(new double[][] {{1, 0}, {0.5, 0.5}}), 1e-12);
    }

    @Test
    void sndIsTheMeanEntropyOfEachExamplesSoftNeighbourhood() {
        double[][] p = {{1, 0}, {1, 0}, {0, 1}};
        // At tau = 1: rows 0 and 1 see similarities (1, 0) to the other two, a softmax of (e, 1)/(e + 1); row 2 sees
        // (0, 0), a fair coin.
        double a = Math.E / (Math.E + 1);
        double h = -(a * Math.log(a) + (1 - a) * Math.log(1 - a));
        assertEquals((2 * h + Math.log(2)) / 3, ValidationCriteria.softNeighbourhoodDensity(p, 1), 1e-12);
        // Probabilities are L2-normalised first, so a softer copy of the same prediction is as close as the prediction.
        assertEquals(ValidationCriteria.softNeighbourhoodDensity(p, 1),
                ValidationCriteria.softNeighbourhoodDensity(new double[][] {{1, 0}, {0.9, 0}, {0, 1}}, 1), 1e-12);
    }

    @Test
    void iwcvWeighsEachHeldOutSourceExampleByItsDensityRatio() {
        double[][] p = {{0.8, 0.2}, {0.3, 0.7}};
        int[] labels = {0, 0};
        double[] weights = {1, 3};
        assertEquals(0.25, ValidationCriteria.importanceWeightedAccuracy(p, labels, weights), 1e-12);
        assertEquals(-(Math.log(1 / 0.8) + 3 * Math.log(1 / 0.3)) / 2, ValidationCriteria.importanceWeightedLoss(p, labels, weights), 1e-12);
    }

    @Test
    void devRemovesTheWeightsNoiseWhereIwcvKeepsIt() {
        // Every example has loss log 2; IWCV scales it by the weights' mean (here 2), DEV's control variate recovers it.
        double[][] p = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};
        int[] labels = {0, 1, 0};
        double[] weights = {0.5, 2, 3.5};
        assertEquals(-2 * Math.log(2), ValidationCriteria.importanceWeightedLoss(p, labels, weights), 1e-12);
        assertEquals(-Math.log(2), ValidationCriteria.deepEmbeddedValidation(p, labels, weights), 1e-12);
        // With equal weights there is no control variate: DEV is IWCV.
        double[] equal = {1, 1, 1};
        double[][] q = {{0.9, 0.1}, {0.2, 0.8}, {0.6, 0.4}};
        assertEquals(ValidationCriteria.importanceWeightedLoss(q, labels, equal),
                ValidationCriteria.deepEmbeddedValidation(q, labels, equal), 1e-12);
        assertTrue(ValidationCriteria.deepEmbeddedValidation(q, labels, equal) < 0);
    }
}
