package org.transferlab.transfer.selection;

/**
 * Scores a fitted candidate without target labels, so that a cell whose budget has no labelled validation split (or
 * whose study chooses not to use it) can still choose among a strategy's parameter candidates. The harness keeps the
 * candidate with the highest score. Implementations are registered by name with {@link ValidatorBindings#validator}
 * in a {@link org.transferlab.core.plugin.TransferLabModule} and found on the class path. A validator sees only
 * {@link ValidationInputs}, which hold no target label, and the harness scores with every test partition sealed. A
 * study chooses by one with {@code selection: NAME}; every registered validator scores every candidate of a
 * classification cell that has several, so that the report's selection table can compare them.
 */
public interface Validator {
    /** One line for {@code ./transferlab list}: what it measures and its paper. */
    String description();

    /** Whether it reads the held-out source examples (and so cannot score where the source's classes are not the target's). */
    boolean readsSource();

    /** The candidate's score; higher is better. NaN where it has nothing to score. */
    double score(ValidationInputs inputs);
}
