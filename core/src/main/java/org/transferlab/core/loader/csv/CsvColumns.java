package org.transferlab.core.loader.csv;

import java.util.ArrayList;
import java.util.List;
import org.transferlab.core.TransferLabException;

/**
 * The columns a domain reads, found in a file's header: the target, the filter's column, and the
 * feature columns in the order the config gives them (every other column when it gives none), each
 * numeric or declared categorical.
 *
 * @param features     the feature columns' names, in feature order
 * @param featureIndex each feature column's index in the header
 * @param categorical  whether each feature column is categorical (one-hot encoded)
 * @param target       the target column's index in the header
 * @param filter       the filter column's index in the header, or -1 without a filter
 */
record CsvColumns(List<String> features, int[] featureIndex, boolean[] categorical, int target, int filter) {

    static CsvColumns resolve(CsvTable table, CsvLoader.Parameters p) {
        List<String> header = table.header();
        List<String> wanted = new ArrayList<>(p.features());
        if (wanted.isEmpty()) {
            header.stream().filter(c -> !c.equals(p.target()) && !c.equals(p.filterColumn())).forEach(wanted::add);
        }
        List<String> needed = new ArrayList<>(wanted);
        needed.addAll(p.categorical());
        needed.add(p.target());
        if (p.filterColumn() != null) {
            needed.add(p.filterColumn());
        }
        for (String column : needed) {
            if (!header.contains(column)) {
                throw new TransferLabException(table.file() + ": no column '" + column + "'; the header has "
                        + String.join(", ", header));
            }
        }
        int[] index = wanted.stream().mapToInt(header::indexOf).toArray();
        boolean[] categorical = new boolean[wanted.size()];
        for (int j = 0; j < categorical.length; j++) {
            categorical[j] = p.categorical().contains(wanted.get(j));
        }
        return new CsvColumns(List.copyOf(wanted), index, categorical, header.indexOf(p.target()),
                p.filterColumn() == null ? -1 : header.indexOf(p.filterColumn()));
    }

    int featureCount() {
        return features.size();
    }

    String feature(int j) {
        return features.get(j);
    }

    boolean isCategorical(int j) {
        return categorical[j];
    }
}
