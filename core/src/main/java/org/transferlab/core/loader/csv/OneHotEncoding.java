package org.transferlab.core.loader.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The feature vector of a domain's rows: a numeric column is one feature, a categorical column one
 * feature per category (one-hot: 1 for the row's category, 0 for the others).
 *
 * <p>A column's categories are those it holds on the train side of the file's split, sorted (as
 * strings), missing cells aside: never a category that occurs only in test rows. They are the file's,
 * not one domain's, so that every domain of the file (a source and its target, or two halves) encodes
 * the column with the same categories in the same order and their features mean the same thing; a
 * domain's own train rows therefore never hold a category the encoding lacks. A test row whose
 * category is not among them (one seen only in test rows) gets all zeros for that column, and is
 * counted per column.
 */
final class OneHotEncoding {
    private final CsvColumns columns;
    /** Per feature position, the column's categories; empty for a numeric column. */
    private final List<List<String>> categories;
    /** Test cells, per column, whose category is not among the column's categories. */
    final ColumnCounts unseen;

    private OneHotEncoding(CsvColumns columns, List<List<String>> categories) {
        this.columns = columns;
        this.categories = categories;
        List<String> categorical = new ArrayList<>();
        for (int j = 0; j < columns.featureCount(); j++) {
            if (columns.isCategorical(j)) {
                categorical.add(columns.feature(j));
            }
        }
        unseen = new ColumnCounts(categorical);
    }

    /** The categories of {@code columns}' categorical columns on the train side ({@code trainSide[row]}) of {@code table}. */
    static OneHotEncoding of(CsvTable table, CsvColumns columns, boolean[] trainSide, Set<String> naValues) {
        List<List<String>> categories = new ArrayList<>();
        for (int j = 0; j < columns.featureCount(); j++) {
            TreeSet<String> seen = new TreeSet<>();
            if (columns.isCategorical(j)) {
                for (int r = 0; r < table.rows().size(); r++) {
                    String cell = table.rows().get(r).cells()[columns.featureIndex()[j]];
                    if (trainSide[r] && !naValues.contains(cell)) {
                        seen.add(cell);
                    }
                }
            }
            categories.add(List.copyOf(seen));
        }
        return new OneHotEncoding(columns, categories);
    }

    /** How many features a row has once encoded. */
    int width() {
        int width = 0;
        for (int j = 0; j < columns.featureCount(); j++) {
            width += columns.isCategorical(j) ? categories.get(j).size() : 1;
        }
        return width;
    }

    /** The encoded features' names: a numeric column's name, {@code column=category} for a one-hot feature. */
    List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < columns.featureCount(); j++) {
            if (columns.isCategorical(j)) {
                for (String category : categories.get(j)) {
                    names.add(columns.feature(j) + "=" + category);
                }
            } else {
                names.add(columns.feature(j));
            }
        }
        return names;
    }

    /** Each categorical column's categories, as {@code column=["a", "b"]; ...}, or {@code none}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < columns.featureCount(); j++) {
            if (columns.isCategorical(j)) {
                parts.add(columns.feature(j) + "=" + ColumnCounts.quoted(categories.get(j)));
            }
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    /**
     * The rows' features, row-major; {@code test[i]} says whether row {@code i} is a test row, whose
     * unseen categories are counted. Missing cells must have been imputed or their rows dropped.
     */
    float[] encode(DomainRows rows, boolean[] test) {
        int width = width();
        float[] x = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            int at = i * width;
            for (int j = 0; j < columns.featureCount(); j++) {
                if (!columns.isCategorical(j)) {
                    x[at++] = rows.numbers.get(i)[j];
                    continue;
                }
                List<String> known = categories.get(j);
                int hot = java.util.Collections.binarySearch(known, rows.categories.get(i)[j]);
                if (hot >= 0) {
                    x[at + hot] = 1;
                } else if (test[i]) {
                    unseen.add(columns.feature(j));
                } else {
                    throw new IllegalStateException("the row at line " + rows.lines.get(i) + ", on the train side of the "
                            + "split, has category '" + rows.categories.get(i)[j] + "' in column '" + columns.feature(j)
                            + "', which the train side's categories lack");
                }
                at += known.size();
            }
        }
        return x;
    }
}
