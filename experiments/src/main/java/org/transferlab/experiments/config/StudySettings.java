package org.transferlab.experiments.config;

import org.transferlab.core.plugin.Default;

/**
 * The scalar settings at the top of an experiment config.
 *
 * @param name        the study's name; run directories and reports use it
 * @param description what the study asks, for the report
 * @param seed        base seed: every random draw of the study derives from it (default 1)
 * @param seeds       how many times each cell is repeated with derived seeds (default 3)
 * @param dataDir     where data sets live; empty for the command line's or the default (data/). An absolute path
 *                    is taken as written; a relative one resolves against the working directory and may not
 *                    leave it through '..', so a shared config cannot send the loaders anywhere its reader does
 *                    not see at a glance
 * @param overfitGap  a classification cell is flagged as overfit when its training accuracy exceeds its
 *                    validation accuracy by more than this, at the kept epoch (default 0.15)
 * @param overfitRatio a regression cell is flagged as overfit when its validation RMSE is more than this many
 *                    times its training RMSE, at the kept epoch (default 1.5)
 * @param overfitMinValidation the fewest validation examples an overfitting verdict is drawn from; smaller
 *                    splits are "n/a" (default 10)
 * @param verdictTest the paired test whose Holm-corrected p-value decides each verdict (default permutation)
 * @param holmFamily  the comparisons Holm's correction treats as one family (default pair-and-budget)
 * @param forecast    whether {@code run} computes every transferability score before the cells, as {@code forecast}
 *                    does, and the report sets them against the measured gains (default false). It changes no cell, so
 *                    it is not part of the config's digest
 * @param selection   how a cell chooses among its strategy's parameter candidates: {@code target-validation} (the
 *                    budget's labelled validation split, the default) or a registered validator that needs no target
 *                    label ({@code source-validation}, {@code iwcv}, {@code dev}, {@code snd}, {@code entropy});
 *                    see {@link SelectionSetting}
 */
public record StudySettings(
        String name,
        @Default("") String description,
        @Default("1") long seed,
        @Default("3") int seeds,
        @Default("") String dataDir,
        @Default("0.15") double overfitGap,
        @Default("1.5") double overfitRatio,
        @Default("10") int overfitMinValidation,
        @Default("permutation") VerdictTest verdictTest,
        @Default("pair-and-budget") CorrectionFamily holmFamily,
        @Default("false") boolean forecast,
        @Default(SelectionSetting.TARGET_VALIDATION) String selection) {
    public StudySettings {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
        }
        java.util.Objects.requireNonNull(verdictTest, "verdictTest");
        java.util.Objects.requireNonNull(holmFamily, "holmFamily");
        new OverfitCheck(overfitGap, overfitRatio, overfitMinValidation);
        if (seeds > 1000) {
            throw new IllegalArgumentException("seeds must be at most 1000, got " + seeds);
        }
        if (!dataDir.isEmpty()) {
            java.nio.file.Path path;
            try {
                path = java.nio.file.Path.of(dataDir);
            } catch (java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException("data-dir '" + dataDir + "' is not a valid path (" + e.getReason() + ")");
            }
            if (!path.isAbsolute() && path.normalize().startsWith("..")) {
                throw new IllegalArgumentException("data-dir '" + dataDir + "' leaves the working directory through '..'; "
                        + "write the absolute path, or pass --data-dir on the command line");
            }
        }
    }

    /** How cells are judged for overfitting; throws on an invalid threshold. */
    public OverfitCheck overfitCheck() {
        return new OverfitCheck(overfitGap, overfitRatio, overfitMinValidation);
    }
}
