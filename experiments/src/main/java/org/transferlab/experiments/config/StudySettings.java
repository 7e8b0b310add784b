package org.transferlab.experiments.config;

import org.transferlab.core.plugin.Default;

/**
 * The scalar settings at the top of an experiment config.
 *
 * @param name        the study's name; run directories and reports use it
 * @param description what the study asks, for the report
 * @param seed        base seed: every random draw of the study derives from it (default 1)
 * @param seeds       how many times each cell is repeated with derived seeds (default 3)
 * @param dataDir     where data sets live; empty for the command line's or the default (data/)
 */
public record StudySettings(
        String name,
        @Default("") String description,
        @Default("1") long seed,
        @Default("3") int seeds,
        @Default("") String dataDir) {
    public StudySettings {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
        }
        if (seeds > 1000) {
            throw new IllegalArgumentException("seeds must be at most 1000, got " + seeds);
        }
    }
}
