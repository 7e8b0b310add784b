package org.transferlab.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.impl.ArrayExample;

/**
 * Agreement of a clustering with held-out classes: normalised and adjusted mutual information (Tribuo's
 * clustering evaluator; NMI normalised by the mean of the two entropies, AMI by Vinh, Epps &amp; Bailey,
 * JMLR 2010) and the adjusted Rand index (Hubert &amp; Arabie, "Comparing partitions", J. Classification
 * 1985), which Tribuo does not have. All three are 1 for a clustering identical to the classes up to
 * renaming; AMI and ARI are about 0 for a random one. The classes are used to score, never to fit.
 */
public final class ClusteringMetrics {
    public static final String NMI = "nmi";
    public static final String AMI = "ami";
    public static final String ARI = "ari";

    private ClusteringMetrics() {
    }

    /** The metrics, by column name, in a fixed order. */
    public static Map<String, Double> score(int[] classes, int[] clusters) {
        if (classes.length != clusters.length) {
            throw new IllegalArgumentException(classes.length + " classes but " + clusters.length + " cluster assignments");
        }
        if (classes.length == 0) {
            throw new IllegalArgumentException("cannot score an empty test partition");
        }
        List<Prediction<ClusterID>> predictions = new ArrayList<>(classes.length);
        List<Integer> truth = new ArrayList<>(classes.length);
        List<Integer> assigned = new ArrayList<>(classes.length);
        for (int i = 0; i < classes.length; i++) {
            predictions.add(new Prediction<>(new ClusterID(clusters[i]), 0, new ArrayExample<>(new ClusterID(classes[i]))));
            truth.add(classes[i]);
            assigned.add(clusters[i]);
        }
        org.tribuo.clustering.evaluation.ClusteringMetric nmi = org.tribuo.clustering.evaluation.ClusteringMetrics.NORMALIZED_MI
                .forTarget(MetricTarget.macroAverageTarget());
        Map<String, Double> metrics = new LinkedHashMap<>();
        boolean oneCluster = java.util.Arrays.stream(clusters).distinct().count() == 1;
        boolean oneClass = java.util.Arrays.stream(classes).distinct().count() == 1;
        if (oneCluster != oneClass) {
            // Everything in one group (HDBSCAN calling every point noise, say) carries no information about
            // the classes; Tribuo's formulas divide 0 by 0 there. Score it 0, as scikit-learn does.
            metrics.put(NMI, 0.0);
            metrics.put(AMI, 0.0);
        } else {
            metrics.put(NMI, nmi.compute(nmi.createContext(null, predictions)));
            metrics.put(AMI, org.tribuo.clustering.evaluation.ClusteringMetrics.adjustedMI(assigned, truth));
        }
        metrics.put(ARI, adjustedRandIndex(classes, clusters));
        return metrics;
    }

    /**
     * ARI = (Σ C(n_ij,2) − Σ C(a_i,2) Σ C(b_j,2) / C(n,2)) / (½ (Σ C(a_i,2) + Σ C(b_j,2)) − Σ C(a_i,2) Σ C(b_j,2) / C(n,2)),
     * over the contingency table n_ij of classes by clusters with row sums a_i and column sums b_j.
     * Two identical trivial partitions (one cluster each) score 1.
     */
    static double adjustedRandIndex(int[] classes, int[] clusters) {
        Map<Long, Integer> cells = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> columns = new HashMap<>();
        for (int i = 0; i < classes.length; i++) {
            cells.merge(((long) classes[i] << 32) ^ (clusters[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(classes[i], 1, Integer::sum);
            columns.merge(clusters[i], 1, Integer::sum);
        }
        double index = cells.values().stream().mapToDouble(ClusteringMetrics::pairs).sum();
        double rowPairs = rows.values().stream().mapToDouble(ClusteringMetrics::pairs).sum();
        double columnPairs = columns.values().stream().mapToDouble(ClusteringMetrics::pairs).sum();
        double expected = rowPairs * columnPairs / pairs(classes.length);
        double max = (rowPairs + columnPairs) / 2;
        if (max == expected) {
            return 1.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }
}
