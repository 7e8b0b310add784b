package org.transferlab.core.loader.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.transferlab.core.TransferLabException;

/**
 * {@code missing: impute}: fills every missing feature cell of a domain, train and test rows alike,
 * with a statistic of the domain's train partition only, so no test row's value shapes what a missing
 * value becomes. A numeric column gets the mean of its train values; a categorical column its most
 * frequent train category (on a tie, the first in sorted order, so the choice does not depend on row
 * order). Only columns that have a missing cell get a statistic; a column that has one but no train
 * value is an error.
 */
final class TrainImputation {
    /** Imputed cells per column. */
    final ColumnCounts cells;
    /** Rows with at least one imputed cell. */
    int rows;
    private final List<String> values = new ArrayList<>();

    private TrainImputation(List<String> features) {
        cells = new ColumnCounts(features);
    }

    /** Fills {@code rows}' missing cells from its rows {@code train} (indices into {@code rows}). */
    static TrainImputation fill(DomainRows rows, CsvColumns columns, int[] train, String file) {
        TrainImputation imputation = new TrainImputation(columns.features());
        boolean[] imputedRow = new boolean[rows.size()];
        for (int j = 0; j < columns.featureCount(); j++) {
            List<Integer> holes = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (missing(rows, columns, i, j)) {
                    holes.add(i);
                }
            }
            if (holes.isEmpty()) {
                continue;
            }
            String column = columns.feature(j);
            String mode = columns.isCategorical(j) ? mode(rows, j, train, file, column) : null;
            float mean = columns.isCategorical(j) ? Float.NaN : mean(rows, j, train, file, column);
            for (int i : holes) {
                if (mode != null) {
                    rows.categories.get(i)[j] = mode;
                } else {
                    rows.numbers.get(i)[j] = mean;
                }
                imputation.cells.add(column);
                imputedRow[i] = true;
            }
            imputation.values.add(column + "=" + (mode != null ? mode : Float.toString(mean)));
        }
        for (boolean imputed : imputedRow) {
            imputation.rows += imputed ? 1 : 0;
        }
        return imputation;
    }

    /** The statistic each imputed column was filled with, as {@code column=value,...}, or {@code none}. */
    String values() {
        return values.isEmpty() ? "none" : String.join(",", values);
    }

    private static boolean missing(DomainRows rows, CsvColumns columns, int i, int j) {
        return columns.isCategorical(j) ? rows.categories.get(i)[j] == null : Float.isNaN(rows.numbers.get(i)[j]);
    }

    private static float mean(DomainRows rows, int j, int[] train, String file, String column) {
        double sum = 0;
        int count = 0;
        for (int i : train) {
            float value = rows.numbers.get(i)[j];
            if (!Float.isNaN(value)) {
                sum += value;
                count++;
            }
        }
        if (count == 0) {
            throw noTrainValue(file, column);
        }
        return (float) (sum / count);
    }

    private static String mode(DomainRows rows, int j, int[] train, String file, String column) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i : train) {
            String value = rows.categories.get(i)[j];
            if (value != null) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            throw noTrainValue(file, column);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static TransferLabException noTrainValue(String file, String column) {
        return new TransferLabException(file + ": no row of the domain's train partition has a value in column '" + column
                + "', so its missing values cannot be imputed; use missing: drop, or leave '" + column + "' out of features");
    }
}
