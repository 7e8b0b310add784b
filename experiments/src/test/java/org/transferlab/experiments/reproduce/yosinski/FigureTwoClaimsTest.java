package org.transferlab.experiments.reproduce.yosinski;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.experiments.reproduce.Claim;
import org.transferlab.experiments.report.Interval;

/**
 * The verdict rules of claims (a), (b) and (c) on hand-made measurements (no training): for each rule a
 * fixture that passes, one that fails, and the partly and inconclusive cases. Accuracies are built as a
 * split's level plus the condition's effect plus a small per-seed jitter, so that differences vary a
 * little within a split and the intervals are defined. Interval values in comments are from scipy 1.10
 * (mean of split means ± stats.t.ppf(0.975, splits - 1) · sd(split means, ddof=1) / √splits).
 */
class FigureTwoClaimsTest {
    private static final int LAYERS = 3;

    /** The accuracy on B of {@code condition} at {@code n} in repetition (split, seed); baseB has n = 0. */
    @FunctionalInterface
    private interface World {
        double accuracy(int split, int seed, Condition condition, int n);
    }

    private static FigureTwoClaims claims(int splits, int seeds, World world) {
        List<Measurement> all = new ArrayList<>();
        for (int split = 0; split < splits; split++) {
            for (int seed = 0; seed < seeds; seed++) {
                all.add(new Measurement(split, seed, Condition.BASE_B, 0, world.accuracy(split, seed, Condition.BASE_B, 0), 1));
                for (Condition c : List.of(Condition.BNB, Condition.BNB_PLUS, Condition.ANB, Condition.ANB_PLUS)) {
                    for (int n = 1; n <= LAYERS; n++) {
                        all.add(new Measurement(split, seed, c, n, world.accuracy(split, seed, c, n), 1));
                    }
                }
            }
        }
        return new FigureTwoClaims(all, LAYERS);
    }

    /** Splits at different levels (0.80, 0.84, 0.82, ...), and a jitter of 0.001 per seed for transferred networks. */
    private static double level(int split, int seed, Condition c) {
        return 0.80 + 0.04 * (split % 2) + 0.02 * (split / 2) + (c.transfers() ? 0.001 * seed : 0);
    }

    // ---- (a) a boost of AnB+ over baseB and BnB+ ----

    @Test
    void aBoostOverBaseBAndBnBPlusAtEveryNReproducesClaimA() {
        // AnB+ +0.03 over baseB in every split (±0.002 by split), BnB+ +0.005: AnB+ − BnB+ ≈ +0.025.
        Claim a = claims(3, 2, (split, seed, c, n) -> level(split, seed, c)
                + (c == Condition.ANB_PLUS ? 0.03 + 0.002 * (split - 1) : c == Condition.BNB_PLUS ? 0.005 : 0)).fineTunedTransfer();
        assertEquals(Claim.Verdict.REPRODUCED, a.verdict(), a.ours());
        assertTrue(a.ours().contains("boost at 3 of 3 n"), a.ours());
    }

    @Test
    void aGainThatBnBPlusMatchesIsLongerTrainingNotABoost() {
        // The case the old rule ("at least as good as baseB") called reproduced: AnB+ +0.03 over baseB, but BnB+,
        // trained as long, as good (AnB+ − BnB+ = −0.005, −0.001, +0.003 by split: −0.001 ± 0.010).
        Claim a = claims(3, 2, (split, seed, c, n) -> level(split, seed, c)
                + (c == Condition.ANB_PLUS ? 0.03 : c == Condition.BNB_PLUS ? 0.031 + 0.004 * (split - 1) : 0)).fineTunedTransfer();
        assertEquals(Claim.Verdict.NOT_REPRODUCED, a.verdict(), a.ours());
    }

    @Test
    void twoSplitsOfThreeSeedsAreTwoReplicatesNotSix() {
        // AnB+ − either control: +0.010..+0.012 in split 0, +0.030..+0.032 in split 1. As six independent pairs
        // the interval is [+0.0095, +0.0325]; over the two splits it is +0.021 ± 12.706 · 0.010 = [-0.106, +0.148].
        World world = (split, seed, c, n) -> level(split, seed, c) + (c == Condition.ANB_PLUS ? 0.01 + 0.02 * split : 0);
        FigureTwoClaims checks = claims(2, 3, world);
        List<Double> asIndependent = new ArrayList<>();
        for (int split = 0; split < 2; split++) {
            for (int seed = 0; seed < 3; seed++) {
                asIndependent.add(world.accuracy(split, seed, Condition.ANB_PLUS, 1) - world.accuracy(split, seed, Condition.BASE_B, 0));
            }
        }
        assertTrue(Interval.of(asIndependent).positive(), "six pairs taken as independent would show a boost");
        Claim a = checks.fineTunedTransfer();
        assertEquals(Claim.Verdict.INCONCLUSIVE, a.verdict(), a.ours());
        assertTrue(a.ours().contains("+0.021 [-0.106, +0.148]"), a.ours());
        assertTrue(a.ours().contains("over 2 splits, df 1 (t 12.71)"), a.ours());
        assertTrue(a.rule().contains("random block") && a.rule().contains("splits − 1 degrees of freedom")
                && a.rule().contains("BnB+") && a.rule().contains("not enough splits to show a boost"), a.rule());
    }

    @Test
    void aBoostAtSomeNOnlyIsPartly() {
        // n = 1: +0.03 over both controls; n = 2, 3: +0.001 in mean, not significant, never below.
        Claim a = claims(3, 2, (split, seed, c, n) -> level(split, seed, c) + (c == Condition.ANB_PLUS
                ? (n == 1 ? 0.03 + 0.002 * (split - 1) : 0.001 + 0.004 * (split - 1)) : 0)).fineTunedTransfer();
        assertEquals(Claim.Verdict.PARTLY, a.verdict(), a.ours());
    }

    @Test
    void anAnBPlusSignificantlyBelowBnBPlusAtSomeNIsNo() {
        // A boost over both at n = 1, 2, but at n = 3 AnB+ is 0.02 below BnB+ in every split.
        Claim a = claims(3, 2, (split, seed, c, n) -> level(split, seed, c)
                + (c == Condition.ANB_PLUS ? 0.03 + 0.002 * (split - 1) : c == Condition.BNB_PLUS && n == 3 ? 0.05 : 0))
                .fineTunedTransfer();
        assertEquals(Claim.Verdict.NOT_REPRODUCED, a.verdict(), a.ours());
    }

    @Test
    void oneSplitCannotShowABoost() {
        Claim a = claims(1, 3, (split, seed, c, n) -> level(split, seed, c) + (c == Condition.ANB_PLUS ? 0.03 : 0)).fineTunedTransfer();
        assertEquals(Claim.Verdict.INCONCLUSIVE, a.verdict(), a.ours());
        assertTrue(a.ours().contains("1 split: no interval"), a.ours());
    }

    // ---- (b) AnB degrades with n ----

    @Test
    void aConsistentFallWithNReproducesClaimB() {
        // AnB − baseB: −0.01, −0.05, −0.12 at n = 1..3 in every split (±0.002): n=3 − n=1 = −0.11 ± 0.009.
        Claim b = claims(3, 2, (split, seed, c, n) -> level(split, seed, c)
                + (c == Condition.ANB ? new double[] {0, -0.01, -0.05, -0.12}[n] + 0.002 * (split - 1) * n : 0)).specificity();
        assertEquals(Claim.Verdict.REPRODUCED, b.verdict(), b.ours());
        assertTrue(b.rule().contains("random block"), b.rule());
    }

    @Test
    void aFallThatOnlyOneOfTwoSplitsShowsIsOnlyATrend() {
        // Means fall with n (ρ = −1), but n=3 − n=1 is −0.028 in split 0 and −0.088 in split 1 (seeds ±0.002):
        // −0.058 ± 12.706 · 0.030 over the splits. Six independent pairs give [−0.093, −0.023], which the old rule
        // took for a significant drop and the claim for reproduced.
        Claim b = claims(2, 3, (split, seed, c, n) -> level(split, seed, c)
                + (c == Condition.ANB ? -(n - 1) * (0.015 + 0.03 * split) + 0.001 * seed * n : 0)).specificity();
        assertEquals(Claim.Verdict.PARTLY, b.verdict(), b.ours());
    }

    @Test
    void aSignificantDropWithoutAFallingTrendIsPartly() {
        // n = 1, 2, 3: 0, +0.02, −0.03 against n = 1's level: the drop is significant, ρ(n, mean) = −0.5.
        Claim b = claims(3, 2, (split, seed, c, n) -> level(split, seed, c)
                + (c == Condition.ANB ? new double[] {0, 0, 0.02, -0.03}[n] + 0.002 * (split - 1) * (n - 1) : 0)).specificity();
        assertEquals(Claim.Verdict.PARTLY, b.verdict(), b.ours());
    }

    @Test
    void flatAnBIsNo() {
        Claim b = claims(3, 2, (split, seed, c, n) -> level(split, seed, c)
                + (c == Condition.ANB ? new double[] {0, 0, 0.002, 0.001}[n] + 0.001 * (split - 1) : 0)).specificity();
        assertEquals(Claim.Verdict.NOT_REPRODUCED, b.verdict(), b.ours());
    }

    // ---- (c) BnB dips in the middle ----

    @Test
    void aSignificantMiddleDipThatRecoversReproducesClaimC() {
        // BnB − baseB: −0.005, −0.03, −0.002 at n = 1..3 (±0.002 by split).
        Claim c = claims(3, 2, (split, seed, cond, n) -> level(split, seed, cond)
                + (cond == Condition.BNB ? new double[] {0, -0.005, -0.03, -0.002}[n] + 0.002 * (split - 1) : 0)).coAdaptation();
        assertEquals(Claim.Verdict.REPRODUCED, c.verdict(), c.ours());
    }

    @Test
    void aDipThatDoesNotRecoverIsPartly() {
        Claim c = claims(3, 2, (split, seed, cond, n) -> level(split, seed, cond)
                + (cond == Condition.BNB ? new double[] {0, -0.005, -0.03, -0.04}[n] + 0.002 * (split - 1) : 0)).coAdaptation();
        assertEquals(Claim.Verdict.PARTLY, c.verdict(), c.ours());
    }

    @Test
    void aDipInTheMeanThatTwoSplitsCannotShowIsInconclusive() {
        // At n = 2, BnB − baseB is −0.009 in split 0 and −0.029 in split 1 (seeds ±0.001; as six independent pairs
        // [−0.031, −0.007], which the old rule took for a dip): over two splits −0.019 ± 12.706 · 0.010.
        Claim c = claims(2, 3, (split, seed, cond, n) -> level(split, seed, cond)
                + (cond == Condition.BNB && n == 2 ? -0.01 - 0.02 * split : 0)).coAdaptation();
        assertEquals(Claim.Verdict.INCONCLUSIVE, c.verdict(), c.ours());
    }

    @Test
    void bnbAtOrAboveBaseBInTheMiddleIsNo() {
        Claim c = claims(3, 2, (split, seed, cond, n) -> level(split, seed, cond) + (cond == Condition.BNB ? 0.015 : 0)).coAdaptation();
        assertEquals(Claim.Verdict.NOT_REPRODUCED, c.verdict(), c.ours());
    }
}
