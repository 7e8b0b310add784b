package org.transferlab.experiments.report;

import java.util.Objects;
import org.transferlab.experiments.config.CorrectionFamily;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.config.VerdictTest;

/**
 * How a comparison table decides: which baseline each strategy is compared with, which paired test's
 * p-value decides a verdict, and which comparisons Holm's correction treats as one family.
 *
 * @param verdictTest the test whose Holm-corrected p-value decides
 * @param family      the comparisons corrected together
 * @param baselines   which line each strategy is compared with
 */
public record ComparisonRules(VerdictTest verdictTest, CorrectionFamily family, Baselines baselines) {
    /** The defaults of a study config, with the name rules for baselines: for tables built from rows alone. */
    public static final ComparisonRules DEFAULT = new ComparisonRules(VerdictTest.PERMUTATION,
            CorrectionFamily.PAIR_AND_BUDGET, Baselines.byName());

    public ComparisonRules {
        Objects.requireNonNull(verdictTest, "verdictTest");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(baselines, "baselines");
    }

    /** The rules a study's config sets. */
    public static ComparisonRules of(ExperimentConfig config) {
        return new ComparisonRules(config.settings().verdictTest(), config.settings().holmFamily(),
                Baselines.of(config.strategies()));
    }

    public ComparisonRules withVerdictTest(VerdictTest test) {
        return new ComparisonRules(test, family, baselines);
    }

    public ComparisonRules withBaselines(Baselines newBaselines) {
        return new ComparisonRules(verdictTest, family, newBaselines);
    }

    public ComparisonRules withFamily(CorrectionFamily newFamily) {
        return new ComparisonRules(verdictTest, newFamily, baselines);
    }
}
