package org.transferlab.experiments.reproduce;

/**
 * A published result that {@code ./transferlab reproduce NAME} re-runs: the study it does, at a quick size
 * that fits a 2-core machine or at the paper's size ({@code --full}), and the paper's claims, each checked
 * against what the study measured.
 *
 * <p>An implementation is registered under its kebab-case {@link #name()} with
 * {@link ReproductionBindings#reproduction} in a {@code TransferLabModule}, like loaders and strategies.
 * It writes its tables (CSV) and figures into {@link ReproductionContext#output()} and returns its
 * {@link Findings}; the {@link ReproductionRunner} adds the report's frame (command, machine, wall time,
 * commit, the claims table, provenance) and publishes the folder atomically. It must not print numbers it
 * did not measure, and its claims' verdicts must follow from rules stated in the report.
 *
 * @param <S> the reproduction's settings: a record of sizes and seeds, validated in its constructor
 */
public interface Reproduction<S extends Record> {

    /** The kebab-case name, as typed after {@code reproduce} and used as the results folder's name. */
    String name();

    /** The paper, as a citation: authors, title, venue, year. */
    String paper();

    /** The settings of {@code mode}: quick (fits a 2-core machine) or full (the paper's protocol). */
    S settings(Mode mode);

    /** Runs the study at {@code settings}, writes its files into the context's output folder, and checks the claims. */
    Findings run(S settings, ReproductionContext context);

    /** The size of a reproduction run. */
    enum Mode {
        /** Subsampled to fit a 2-core machine in well under an hour; the report says how. */
        QUICK,
        /** The paper's protocol and data size. */
        FULL
    }
}
