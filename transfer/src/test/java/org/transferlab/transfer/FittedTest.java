package org.transferlab.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.engine.FitSummary;

class FittedTest {
    private static final Examples TWO = Examples.classified(new float[] {1f, 2f}, 1, new int[] {0, 1});

    @Test
    void aClassModelPredictsClassesAndRefusesValues() {
        Fitted fitted = Fitted.classes(examples -> new int[] {1, 0}, FitSummary.NONE);

        assertArrayEquals(new int[] {1, 0}, fitted.predictClasses(TWO));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fitted.predictValues(TWO));
        assertEquals("this model predicts classes, not real values", e.getMessage());
        assertEquals("", fitted.provenance());
    }

    @Test
    void aValueModelPredictsValuesAndRefusesClasses() {
        Fitted fitted = Fitted.values(examples -> new double[] {0.5, 1.5}, FitSummary.NONE, "ridge");

        assertArrayEquals(new double[] {0.5, 1.5}, fitted.predictValues(TWO));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fitted.predictClasses(TWO));
        assertEquals("this model predicts real values, not classes", e.getMessage());
    }

    @Test
    void everyModelHasAPredictorASummaryAndAProvenance() {
        assertEquals("predictor", assertThrows(NullPointerException.class,
                () -> Fitted.classes(null, FitSummary.NONE)).getMessage());
        assertEquals("predictor", assertThrows(NullPointerException.class,
                () -> Fitted.values(null, FitSummary.NONE, "")).getMessage());
        assertEquals("summary", assertThrows(NullPointerException.class,
                () -> Fitted.classes(examples -> new int[0], null)).getMessage());
        assertEquals("provenance", assertThrows(NullPointerException.class,
                () -> Fitted.values(examples -> new double[0], FitSummary.NONE, null)).getMessage());
    }

    @Test
    void anotherProvenanceKeepsTheKindThePredictorAndTheSummary() {
        Predictor predictor = examples -> new int[] {0, 0};
        Fitted fitted = Fitted.classes(predictor, FitSummary.NONE, "tribuo").withProvenance("pooled: kept 3");

        Fitted.Classes classes = assertInstanceOf(Fitted.Classes.class, fitted);
        assertSame(predictor, classes.predictor());
        assertSame(FitSummary.NONE, classes.summary());
        assertEquals("pooled: kept 3", classes.provenance());
        assertInstanceOf(Fitted.Values.class, Fitted.values(examples -> new double[0], FitSummary.NONE, "").withProvenance("x"));
    }
}
