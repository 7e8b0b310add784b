package org.transferlab.core.loader.csv;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.TrainShare;

/**
 * What a {@code csv} domain records about itself (a run writes it to {@code provenance.csv} and the
 * report): the file and its checksum, the columns and their encoding, the label order, and how many
 * rows and cells each missing-value step dropped or imputed, per column, under keys like Auto MPG's
 * ({@code rows-dropped-…}, {@code rows-imputed}), which the run report lists.
 */
record CsvProvenance(Path file, String sha256, CsvLoader.Parameters p, CsvColumns columns, DomainRows rows,
                     OneHotEncoding encoding, TrainImputation imputation) {

    Map<String, String> map(List<String> classNames, int rowsInFile, int trainRows, int testRows, String split,
                            TrainShare share) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("file", file.toString());
        provenance.put("sha256", sha256);
        provenance.put("features", String.join(",", columns.features()));
        provenance.put("categorical", String.join(",", p.categorical()));
        provenance.put("categories", encoding.describe());
        provenance.put("encoded-features", String.join(",", encoding.featureNames()));
        if (p.task() != TaskType.REGRESSION) {
            provenance.put("classes", ColumnCounts.quoted(classNames));
        }
        provenance.put("filter", p.filter());
        provenance.put("missing", p.missing().name().toLowerCase(Locale.ROOT));
        provenance.put("na-values", ColumnCounts.quoted(p.naValues()));
        provenance.put("rows-in-file", Integer.toString(rowsInFile));
        provenance.put("rows-matching-filter", Integer.toString(rows.matching));
        provenance.put("missing-by-column", rows.missing.toString());
        provenance.put("rows-dropped-missing-target", Integer.toString(rows.droppedMissingTarget));
        provenance.put("rows-dropped-missing-features", Integer.toString(rows.droppedMissingFeatures));
        provenance.put("rows-dropped-missing-by-column", rows.droppedByColumn.toString());
        provenance.put("rows-imputed", Integer.toString(imputation == null ? 0 : imputation.rows));
        provenance.put("cells-imputed-by-column", imputation == null ? "none" : imputation.cells.toString());
        provenance.put("imputed-train-values", imputation == null ? "none" : imputation.values());
        provenance.put("rows", Integer.toString(rows.size()));
        provenance.put("train-rows", Integer.toString(trainRows));
        provenance.put("test-rows", Integer.toString(testRows));
        provenance.put("test-cells-unseen-category", encoding.unseen.toString());
        provenance.put("split", split);
        provenance.put("train-share", share.name());
        return provenance;
    }
}
