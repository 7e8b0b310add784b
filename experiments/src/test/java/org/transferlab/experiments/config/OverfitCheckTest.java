package org.transferlab.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.engine.FitSummary;

class OverfitCheckTest {
    private final OverfitCheck check = new OverfitCheck(0.15, 1.5, 10);

    @Test
    void classificationIsJudgedOnTheAccuracyGap() {
        FitSummary fit = new FitSummary(7, 12, 0.1, 0.98, 0.6, 0.80);
        OverfitCheck.Judgement judgement = check.judge(TaskType.CLASSIFICATION, fit, 20);
        assertEquals(0.18, judgement.gap(), 1e-12);
        assertEquals("true", judgement.flag());
        assertEquals("false", check.judge(TaskType.CLASSIFICATION, new FitSummary(7, 12, 0.1, 0.90, 0.3, 0.80), 20).flag());
    }

    @Test
    void regressionIsJudgedOnTheRatioOfValidationToTrainingRmseNotOnADifferenceOfRSquared() {
        // Training MSE 4 (RMSE 2), validation MSE 16 (RMSE 4): twice the error on unseen rows. The R² "gap" of these
        // numbers (0.9 - (-624)) is what the report used to show.
        FitSummary fit = new FitSummary(30, 50, 4.0, 0.9, 16.0, -624.0);
        OverfitCheck.Judgement judgement = check.judge(TaskType.REGRESSION, fit, 12);
        assertEquals(2.0, judgement.gap(), 1e-12);
        assertEquals("true", judgement.flag());
        assertEquals("false", check.judge(TaskType.REGRESSION, new FitSummary(30, 50, 4.0, 0.9, 6.25, 0.8), 12).flag(),
                "RMSE 2.5 against 2: a ratio of 1.25");
    }

    @Test
    void aModelWithoutEpochsOrASplitTooSmallToJudgeIsNotApplicable() {
        FitSummary closedForm = FitSummary.oneShot(4.0, 0.9, 900.0, -624.0);
        assertEquals(OverfitCheck.Judgement.NOT_JUDGED, check.judge(TaskType.REGRESSION, closedForm, 40));
        FitSummary trained = new FitSummary(30, 50, 4.0, 0.9, 16.0, -624.0);
        assertEquals(OverfitCheck.Judgement.NOT_JUDGED, check.judge(TaskType.REGRESSION, trained, 8), "8 validation rows");
        assertEquals(OverfitCheck.Judgement.NOT_JUDGED, check.judge(TaskType.CLASSIFICATION,
                new FitSummary(3, 5, 0.1, 1.0, Double.NaN, Double.NaN), 0), "no validation split");
        assertEquals(OverfitCheck.Judgement.NOT_JUDGED, check.judge(TaskType.CLUSTERING, trained, 100));
        assertTrue(Double.isNaN(OverfitCheck.Judgement.NOT_JUDGED.gap()));
    }

    @Test
    void thresholdsOutsideTheirRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OverfitCheck(1.5, 1.5, 10));
        assertThrows(IllegalArgumentException.class, () -> new OverfitCheck(0.15, 0.9, 10));
        assertThrows(IllegalArgumentException.class, () -> new OverfitCheck(0.15, 1.5, 0));
    }
}
