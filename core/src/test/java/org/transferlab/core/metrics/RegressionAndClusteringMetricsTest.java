package org.transferlab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlab.core.data.TaskType;

class RegressionAndClusteringMetricsTest {
    @Test
    void regressionMetricsMatchTheirFormulas() {
        // By hand: residuals 0.5, -0.5, 1, 0 → MSE 0.375, RMSE 0.6124, MAE 0.5; mean 2.5, SS_tot 5, R² 1 - 1.5/5 = 0.7.
        Map<String, Double> m = RegressionMetrics.score(new double[] {1, 2, 3, 4}, new double[] {0.5, 2.5, 2, 4});
        assertEquals(Math.sqrt(0.375), m.get(RegressionMetrics.RMSE), 1e-12);
        assertEquals(0.5, m.get(RegressionMetrics.MAE), 1e-12);
        assertEquals(0.7, m.get(RegressionMetrics.R2), 1e-12);
        assertEquals(java.util.List.of("rmse", "mae", "r2"), java.util.List.copyOf(m.keySet()));
    }

    @Test
    void aDivergedPredictionIsAnErrorNotANumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.score(new double[] {1, 2}, new double[] {1, Double.NaN}));
        assertEquals("prediction 1 is NaN; the model diverged", e.getMessage());
    }

    @Test
    void clusteringsIdenticalUpToRenamingScoreOne() {
        int[] classes = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        int[] renamed = {7, 7, 7, 3, 3, 3, 5, 5, 5};
        Map<String, Double> m = ClusteringMetrics.score(classes, renamed);
        assertEquals(1.0, m.get(ClusteringMetrics.NMI), 1e-9);
        assertEquals(1.0, m.get(ClusteringMetrics.AMI), 1e-9);
        assertEquals(1.0, m.get(ClusteringMetrics.ARI), 1e-12);
    }

    @Test
    void puttingEverythingInOneClusterScoresZeroNotNaN() {
        Map<String, Double> m = ClusteringMetrics.score(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 0, 0, 0, 0, 0});
        assertEquals(0.0, m.get(ClusteringMetrics.NMI));
        assertEquals(0.0, m.get(ClusteringMetrics.AMI));
        assertEquals(0.0, m.get(ClusteringMetrics.ARI), 1e-12);
    }

    @Test
    void adjustedRandIndexMatchesAWorkedExample() {
        // Contingency [[2,1],[0,3]]: Σ C(n_ij,2) = 1 + 0 + 0 + 3 = 4; rows 3,3 → 6; columns 2,4 → 7; C(6,2) = 15.
        // expected = 6·7/15 = 2.8, max = 6.5, ARI = (4 − 2.8) / (6.5 − 2.8) = 0.324324…
        double ari = ClusteringMetrics.adjustedRandIndex(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 1, 1});
        assertEquals(1.2 / 3.7, ari, 1e-12);
    }

    @Test
    void aClusteringThatIgnoresTheClassesScoresAboutZeroOnTheAdjustedMetrics() {
        int[] classes = new int[2000];
        int[] clusters = new int[2000];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i % 4;
            clusters[i] = random.nextInt(4);
        }
        Map<String, Double> m = ClusteringMetrics.score(classes, clusters);
        assertEquals(0, m.get(ClusteringMetrics.ARI), 0.01);
        assertEquals(0, m.get(ClusteringMetrics.AMI), 0.01);
    }

    @Test
    void eachTaskKnowsItsLeadingMetricAndWhichWayIsBetter() {
        assertEquals("accuracy", TaskMetrics.of(TaskType.CLASSIFICATION).primary());
        assertEquals("rmse", TaskMetrics.of(TaskType.REGRESSION).primary());
        assertEquals("nmi", TaskMetrics.of(TaskType.CLUSTERING).primary());
        assertEquals(-1, TaskMetrics.of(TaskType.REGRESSION).direction("rmse"));
        assertEquals(1, TaskMetrics.of(TaskType.REGRESSION).direction("r2"));
        assertEquals(TaskType.CLUSTERING, TaskMetrics.withColumn("ari").task());
    }
}
