package org.transferlab.experiments.config;

/**
 * The paired test whose Holm-corrected p-value decides a comparison's verdict (better, worse: negative
 * transfer, or no significant difference). The report shows all three p-values; this one decides.
 */
public enum VerdictTest {
    /** Student's paired t-test: assumes normally distributed differences; can reach small p with 3 seeds. */
    T,
    /** Wilcoxon's signed-rank test, exact with ties up to 50 pairs: assumes symmetric differences. */
    WILCOXON,
    /**
     * The sign-flip permutation test of the mean difference, exact up to 16 pairs: assumes only that the two
     * arms are exchangeable within a seed, so one seed that fails badly cannot make it lie (the default).
     */
    PERMUTATION
}
