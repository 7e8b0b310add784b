package org.transferlab.experiments.reproduce;

import java.util.Objects;

/**
 * One claim of a paper and whether this run reproduced it.
 *
 * @param id        a short label, as the paper or the issue numbers it ("a", "b", ...)
 * @param statement what the paper claims, in one sentence
 * @param paper     the paper's number(s) behind the claim, as printed
 * @param ours      our number(s), measured by this run, in the same form
 * @param verdict   whether the claim reproduced
 * @param rule      how the verdict was decided from our numbers, so a reader can check it
 */
public record Claim(String id, String statement, String paper, String ours, Verdict verdict, String rule) {
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(rule, "rule");
    }

    /** Whether a claim reproduced. */
    public enum Verdict {
        REPRODUCED("yes"),
        PARTLY("partly"),
        NOT_REPRODUCED("no"),
        /**
         * The run could not decide: our numbers lean the paper's way but the test has too few independent
         * replicates (splits, seeds) to show it, and nothing contradicts it. Not a "no": more replicates could.
         */
        INCONCLUSIVE("inconclusive");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
