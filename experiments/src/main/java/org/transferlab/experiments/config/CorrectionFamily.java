package org.transferlab.experiments.config;

/**
 * The comparisons that Holm's correction treats as one family: a verdict is significant when it survives
 * the correction over every comparison of its family.
 */
public enum CorrectionFamily {
    /** Every comparison of the table: one family for the whole study. */
    STUDY,
    /** The comparisons of one source → target pair, across its budgets and strategies. */
    PAIR,
    /** The comparisons of one pair at one budget: every strategy against its baseline there (the default). */
    PAIR_AND_BUDGET
}
