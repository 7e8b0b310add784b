package org.transferlab.core.loader.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.transferlab.core.TransferLabException;

/**
 * The rows of one domain (those that pass its filter), read into typed cells, with the first step of
 * the missing-value policy applied. A cell that is one of {@code na-values} is missing: {@link Missing#ERROR}
 * refuses it, naming the line and column; {@link Missing#DROP} leaves its row out; {@link Missing#IMPUTE}
 * leaves a row without a target out and keeps the missing feature for {@link TrainImputation}. Every
 * other cell of a numeric feature column must be a finite number, whatever the policy does with its
 * row, so a column that is categorical but not declared so is reported, not dropped row by row.
 *
 * <p>Per row: the data row it came from, its line, its target (null if missing), its numeric cells
 * ({@code NaN} if missing) and its categorical cells (null if missing), both indexed by feature
 * position. The lists are mutable: imputation fills them in place.
 */
final class DomainRows {
    final List<Integer> fileRows = new ArrayList<>();
    final List<Long> lines = new ArrayList<>();
    final List<String> targets = new ArrayList<>();
    final List<float[]> numbers = new ArrayList<>();
    final List<String[]> categories = new ArrayList<>();
    /** How many rows of the file pass the filter. */
    int matching;
    /** Missing cells per column (target and features) among the rows that pass the filter. */
    final ColumnCounts missing;
    /** Rows left out because their target is missing. */
    int droppedMissingTarget;
    /** Rows with a target left out because a feature is missing (drop only). */
    int droppedMissingFeatures;
    /** Of those, per feature column: the rows that lacked it (a row lacking two columns counts for both). */
    final ColumnCounts droppedByColumn;

    private DomainRows(String target, List<String> features) {
        List<String> all = new ArrayList<>(List.of(target));
        all.addAll(features);
        missing = new ColumnCounts(all);
        droppedByColumn = new ColumnCounts(features);
    }

    int size() {
        return fileRows.size();
    }

    static DomainRows read(CsvTable table, CsvColumns columns, CsvLoader.Parameters p) {
        Set<String> na = Set.copyOf(p.naValues());
        DomainRows rows = new DomainRows(p.target(), columns.features());
        int d = columns.featureCount();
        for (int r = 0; r < table.rows().size(); r++) {
            CsvTable.Row row = table.rows().get(r);
            if (columns.filter() >= 0 && !p.filterValue().equals(row.cells()[columns.filter()])) {
                continue;
            }
            rows.matching++;
            String target = row.cells()[columns.target()];
            boolean targetMissing = na.contains(target);
            if (targetMissing) {
                rows.missing.add(p.target());
                refuseIfError(table, p, row, p.target(), target, true);
            }
            float[] numbers = new float[d];
            String[] categories = new String[d];
            List<String> lacking = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                String cell = row.cells()[columns.featureIndex()[j]];
                if (na.contains(cell)) {
                    rows.missing.add(columns.feature(j));
                    refuseIfError(table, p, row, columns.feature(j), cell, false);
                    lacking.add(columns.feature(j));
                    numbers[j] = Float.NaN;
                } else if (columns.isCategorical(j)) {
                    categories[j] = cell;
                } else {
                    numbers[j] = number(table, p, row, columns.feature(j), cell);
                }
            }
            if (targetMissing) {
                rows.droppedMissingTarget++;
                continue;
            }
            if (!lacking.isEmpty() && p.missing() == Missing.DROP) {
                rows.droppedMissingFeatures++;
                lacking.forEach(rows.droppedByColumn::add);
                continue;
            }
            rows.fileRows.add(r);
            rows.lines.add(row.line());
            rows.targets.add(target);
            rows.numbers.add(numbers);
            rows.categories.add(categories);
        }
        return rows;
    }

    private static void refuseIfError(CsvTable table, CsvLoader.Parameters p, CsvTable.Row row, String column, String cell,
                                      boolean isTarget) {
        if (p.missing() != Missing.ERROR) {
            return;
        }
        throw new TransferLabException(table.file() + ": line " + row.line() + ", column '" + column + "'"
                + (isTarget ? " (the target)" : "") + ": '" + cell + "' is a missing value (na-values: "
                + ColumnCounts.quoted(p.naValues()) + "); set missing: drop to leave such rows out"
                + (isTarget ? " (a missing target is never imputed)" : ", or missing: impute to fill it from the train partition"));
    }

    private static float number(CsvTable table, CsvLoader.Parameters p, CsvTable.Row row, String column, String text) {
        float value;
        try {
            value = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            List<String> declared = new ArrayList<>(p.categorical());
            declared.add(column);
            throw new TransferLabException(table.file() + ": line " + row.line() + ", column '" + column + "': '" + text
                    + "' is not a number; if '" + column + "' holds categories, declare it: categorical: ["
                    + String.join(", ", declared) + "]", e);
        }
        if (!Float.isFinite(value)) {
            throw new TransferLabException(table.file() + ": line " + row.line() + ", column '" + column + "': " + text
                    + " is not a finite number");
        }
        return value;
    }
}
