package org.transferlab.core.loader.csv;

/**
 * What the {@code csv} loader does with a missing value (a cell that is one of {@code na-values}) in
 * a column the domain uses: the target or a feature.
 */
public enum Missing {
    /** Refuse the file, naming the file, the line and the column of the first missing value (the default). */
    ERROR,
    /** Leave every row with a missing target or feature out of the domain, on both sides of the split. */
    DROP,
    /**
     * Fill a missing feature from the domain's train partition: a numeric column's mean, a categorical
     * column's most frequent category. A row with a missing target is left out: a label is never made up.
     */
    IMPUTE
}
