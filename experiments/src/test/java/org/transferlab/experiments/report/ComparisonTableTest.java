package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.config.CorrectionFamily;
import org.transferlab.experiments.config.StrategyEntry;
import org.transferlab.experiments.config.VerdictTest;
import org.transferlab.experiments.run.ResultFixtures;
import org.transferlab.experiments.run.StoredResult;
import org.transferlab.transfer.baseline.ClassifierModel;
import org.transferlab.transfer.baseline.Pooled;
import org.transferlab.transfer.baseline.TargetOnly;
import org.transferlab.transfer.regression.FineTuningRegression;
import org.transferlab.transfer.regression.SourceOnlyRegression;
import org.transferlab.transfer.regression.TargetOnlyRegression;

class ComparisonTableTest {
    private static StoredResult row(String strategy, int seed, double accuracy) {
        return row("t", "5", strategy, seed, "accuracy", accuracy);
    }

    private static StoredResult row(String target, String budget, String strategy, int seed, String metric, double value) {
        return fixture(target, budget, strategy, seed, metric, value).build();
    }

    private static ResultFixtures fixture(String target, String budget, String strategy, int seed, String metric, double value) {
        return ResultFixtures.result().pair("s", target).strategy(strategy).budget(LabelBudget.perClass(Integer.parseInt(budget)))
                .seed(seed).metric(metric, value);
    }

    @Test
    void aStrategySignificantlyWorseThanTheBaselineIsFlaggedAsNegativeTransfer() {
        List<StoredResult> rows = new ArrayList<>();
        double[] baseline = {0.80, 0.82, 0.81, 0.79, 0.83, 0.80, 0.81, 0.82};
        for (int seed = 0; seed < baseline.length; seed++) {
            rows.add(row("target-only", seed, baseline[seed]));
            rows.add(row("hurting", seed, baseline[seed] - 0.10 - 0.001 * seed));
            rows.add(row("neutral", seed, baseline[seed] + (seed % 2 == 0 ? 0.01 : -0.012)));
        }
        ComparisonTable table = ComparisonTable.of(rows, "accuracy");
        ComparisonTable.Line target = table.lines().get(0);
        ComparisonTable.Line hurting = table.lines().get(1);
        ComparisonTable.Line neutral = table.lines().get(2);
        assertNull(target.delta());
        assertEquals(-0.1035, hurting.delta().mean(), 1e-9);
        // Eight seeds all worse: the permutation test's p is 2/2^8, doubled by Holm over the two comparisons.
        assertEquals(2 * 2.0 / 256, hurting.pValueHolm(), 1e-12);
        assertTrue(hurting.negativeTransfer());
        assertFalse(neutral.negativeTransfer() || neutral.positiveTransfer());
        assertTrue(table.markdown().contains("**worse: negative transfer**"));
        assertEquals(0, target.overfitting().judged(), "rows without a gap are not judged");
    }

    @Test
    void forAnErrorMetricAHigherValueIsNegativeTransfer() {
        List<StoredResult> rows = new ArrayList<>();
        double[] baseline = {3.1, 2.9, 3.3, 3.0, 3.2, 3.1, 2.8, 3.0};
        for (int seed = 0; seed < baseline.length; seed++) {
            rows.add(row("t", "5", "target-only", seed, "rmse", baseline[seed]));
            rows.add(row("t", "5", "source-only", seed, "rmse", baseline[seed] + 1.0 + 0.01 * seed));
            rows.add(row("t", "5", "prior", seed, "rmse", baseline[seed] - 0.8 - 0.01 * seed));
        }
        ComparisonTable table = ComparisonTable.of(rows, "rmse");
        assertTrue(table.lines().get(1).negativeTransfer(), "a higher RMSE than target-only is worse");
        assertTrue(table.lines().get(2).positiveTransfer(), "a lower RMSE is better");
        assertEquals(-0.835, table.lines().get(2).delta().mean(), 1e-9);
    }

    @Test
    void aVariantIsComparedWithTheMatchingTargetOnlyVariant() {
        List<StoredResult> rows = new ArrayList<>();
        for (int seed = 0; seed < 5; seed++) {
            rows.add(row("target-only", seed, 0.50 + 0.01 * seed));
            rows.add(row("target-only@hdbscan", seed, 0.30 + 0.01 * seed));
            rows.add(row("feature-extraction@hdbscan", seed, 0.32 + 0.01 * seed));
            rows.add(row("feature-extraction@pca", seed, 0.40 + 0.01 * seed));
        }
        List<ComparisonTable.Line> lines = ComparisonTable.of(rows, "accuracy").lines();
        assertNull(lines.get(1).delta(), "target-only@hdbscan is a baseline, not a competitor");
        assertEquals(0.02, lines.get(2).delta().mean(), 1e-9, "HDBSCAN on embeddings against HDBSCAN on raw features");
        assertEquals("target-only@hdbscan", lines.get(2).comparison().baseline());
        assertEquals(-0.10, lines.get(3).delta().mean(), 1e-9, "no target-only@pca: compared with target-only");
    }

    @Test
    void theRegressionMlpIsComparedWithTheSameMlpFromScratchAndSourceOnlyIsMarkedAsUsingNoLabels() {
        FineTuningRegression mlp = new FineTuningRegression();
        FineTuningRegression.Parameters transfer = new FineTuningRegression.Parameters(0.001, 200, 20, 16, true);
        FineTuningRegression.Parameters scratch = new FineTuningRegression.Parameters(0.001, 200, 20, 16, false);
        Baselines baselines = Baselines.of(List.of(
                new StrategyEntry("target-only", new TargetOnlyRegression(), List.of(new TargetOnlyRegression.Parameters(1.0)), 1),
                new StrategyEntry("source-only", new SourceOnlyRegression(), List.of(new SourceOnlyRegression.Parameters(1.0)), 2),
                new StrategyEntry("fine-tuning", mlp, List.of(transfer), 3),
                new StrategyEntry("fine-tuning@scratch", mlp, List.of(scratch), 4)));
        List<StoredResult> rows = new ArrayList<>();
        for (int seed = 0; seed < 8; seed++) {
            rows.add(row("t", "40", "target-only", seed, "rmse", 57.0 + seed));
            rows.add(row("t", "40", "source-only", seed, "rmse", 59.0 + seed));
            rows.add(row("t", "40", "fine-tuning", seed, "rmse", 73.0 + seed * 1.1));
            rows.add(row("t", "40", "fine-tuning@scratch", seed, "rmse", 72.0 + seed));
        }
        ComparisonTable table = ComparisonTable.of(rows, "rmse", ComparisonRules.DEFAULT.withBaselines(baselines));
        ComparisonTable.Line fineTuning = table.lines().get(2);
        assertEquals("fine-tuning@scratch", fineTuning.comparison().baseline());
        assertEquals(1.0 + 0.1 * 3.5, fineTuning.delta().mean(), 1e-9, "against the MLP from scratch, not ridge (+16)");
        assertNull(table.lines().get(3).comparison(), "the MLP from scratch is a baseline");
        assertFalse(table.lines().get(1).usesTargetLabels());
        String markdown = table.markdown();
        assertTrue(markdown.contains("| fine-tuning (vs fine-tuning@scratch) |"), markdown);
        assertTrue(markdown.contains("| source-only (no target labels) |"), markdown);
    }

    @Test
    void aPooledLogisticRegressionIsComparedWithLogisticRegressionOnTheTargetAndThePooledNetworkWithTheNetwork() {
        TargetOnly targetOnly = new TargetOnly();
        Pooled pooled = new Pooled();
        TargetOnly.Parameters network = new TargetOnly.Parameters(0.001, 100, 10, 32);
        Baselines baselines = Baselines.of(List.of(
                new StrategyEntry("target-only", targetOnly, List.of(network), 1),
                new StrategyEntry("target-only@logistic", targetOnly, List.of(new TargetOnly.Parameters(0.001, 100, 10, 32,
                        ClassifierModel.LOGISTIC, 1.0, 50)), 2),
                new StrategyEntry("pooled", pooled, List.of(new Pooled.Parameters(5000, 0.001, 20, 5, 64)), 3),
                new StrategyEntry("pooled@logistic", pooled, List.of(new Pooled.Parameters(5000, 0.001, 20, 5, 64,
                        ClassifierModel.LOGISTIC, 1.0, 50)), 4)));
        java.util.Set<String> present = java.util.Set.of("target-only", "target-only@logistic", "pooled", "pooled@logistic");
        assertTrue(baselines.isBaseline("target-only@logistic"));
        assertEquals("target-only@logistic", baselines.baselineOf("pooled@logistic", present));
        assertEquals("target-only", baselines.baselineOf("pooled", present));
    }

    @Test
    void theCorrectionFamilyDecidesWhetherTenAgreeingSeedsSurvive() {
        // 4 pairs x 4 budgets x 4 strategies, 10 seeds, every strategy 0.02 better than target-only in every seed: the
        // permutation p is 2/2^10 = 0.00195 each; Holm over 64 comparisons gives 0.125, over the 4 of a pair and
        // budget 0.0078.
        List<StoredResult> rows = new ArrayList<>();
        for (String target : List.of("t1", "t2", "t3", "t4")) {
            for (String budget : List.of("5", "10", "20", "40")) {
                for (int seed = 0; seed < 10; seed++) {
                    rows.add(row(target, budget, "target-only", seed, "accuracy", 0.70 + 0.003 * seed));
                    for (String strategy : List.of("a", "b", "c", "d")) {
                        rows.add(row(target, budget, strategy, seed, "accuracy", 0.72 + 0.003 * seed + 0.001 * (seed % 3)));
                    }
                }
            }
        }
        ComparisonTable wholeStudy = ComparisonTable.of(rows, "accuracy", ComparisonRules.DEFAULT.withFamily(CorrectionFamily.STUDY));
        ComparisonTable perCell = ComparisonTable.of(rows, "accuracy");
        assertTrue(wholeStudy.lines().stream().noneMatch(ComparisonTable.Line::positiveTransfer));
        assertEquals(64 * 2.0 / 1024, wholeStudy.lines().get(1).pValueHolm(), 1e-12);
        assertTrue(perCell.lines().stream().filter(l -> l.comparison() != null).allMatch(ComparisonTable.Line::positiveTransfer));
        assertEquals(4 * 2.0 / 1024, perCell.lines().get(1).pValueHolm(), 1e-12);
        assertTrue(perCell.markdown().startsWith("Verdicts: the sign-flip permutation test (exact up to 16 seeds), Holm-corrected "
                + "over the comparisons of each pair and budget (4 comparisons in the largest family)"), perCell.markdown());
        assertTrue(wholeStudy.markdown().contains("no verdict here can be significant, whatever the data. It takes 12 seeds"),
                "with 64 comparisons, 2/2^n · 64 < 0.05 needs n = 12: " + wholeStudy.decisionRule());
    }

    @Test
    void theVerdictTestIsASettingAndThreeSeedsCannotConvinceThePermutationTest() {
        List<StoredResult> rows = new ArrayList<>();
        double[] baseline = {0.64, 0.66, 0.70};
        double[] strategy = {0.78, 0.79, 0.80};
        for (int seed = 0; seed < 3; seed++) {
            rows.add(row("target-only", seed, baseline[seed]));
            rows.add(row("feature-extraction", seed, strategy[seed]));
        }
        ComparisonTable byT = ComparisonTable.of(rows, "accuracy", ComparisonRules.DEFAULT.withVerdictTest(VerdictTest.T));
        ComparisonTable byPermutation = ComparisonTable.of(rows, "accuracy");
        assertTrue(byT.lines().get(1).positiveTransfer(), "t-test p = 0.0094");
        assertEquals(0.25, byPermutation.lines().get(1).pValueHolm(), 1e-12);
        assertFalse(byPermutation.lines().get(1).positiveTransfer());
        assertTrue(byPermutation.decisionRule().contains("With 3 seeds this test cannot give a p below 0.25"), byPermutation.decisionRule());
        assertTrue(byPermutation.decisionRule().contains("It takes 6 seeds"), byPermutation.decisionRule());
        assertFalse(byT.decisionRule().contains("cannot give"), "the t-test's p has no floor");
    }

    @Test
    void overfittingIsTheMeanGapAndTheCountOfFlaggedSeeds() {
        List<StoredResult> rows = new ArrayList<>();
        double[] gaps = {0.05, 0.30, 0.25};
        for (int seed = 0; seed < 3; seed++) {
            rows.add(fixture("t", "5", "target-only", seed, "accuracy", 0.8)
                    .overfit(gaps[seed], Boolean.toString(gaps[seed] > 0.15)).build());
        }
        ComparisonTable.Overfitting overfitting = ComparisonTable.of(rows, "accuracy").lines().get(0).overfitting();
        assertEquals(0.2, overfitting.meanGap(), 1e-12);
        assertEquals(2, overfitting.flagged());
        assertEquals(3, overfitting.judged());
        assertTrue(ComparisonTable.of(rows, "accuracy").markdown().contains("| +0.2000 | 2 of 3 |"));
    }

    @Test
    void regressionTablesShowTheRmseRatioAndNotAnAccuracyGap() {
        List<StoredResult> rows = new ArrayList<>();
        for (int seed = 0; seed < 2; seed++) {
            rows.add(fixture("t", "40", "target-only", seed, "rmse", 3.0)
                    .overfit(seed == 0 ? 1.25 : Double.NaN, seed == 0 ? "false" : "n/a").build());
        }
        String markdown = ComparisonTable.of(rows, "rmse").markdown();
        assertTrue(markdown.contains("| val/train RMSE | overfit |"), markdown);
        assertTrue(markdown.contains("| 1.25 | 0 of 1 |"), markdown);
    }
}
