package org.transferlab.transfer.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.metrics.ClusteringMetrics;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkSpec;

/** Clustering strategies on Gaussian blobs whose classes are known, so the best possible score is too. */
class ClusteringStrategiesTest {
    private static final double[][] CENTRES = {{0, 0, 0}, {10, 0, 0}, {0, 10, 0}, {0, 0, 10}};

    static Examples blobs(double[][] centres, double spread, int perClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = centres[0].length;
        int n = perClass * centres.length;
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % centres.length;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (centres[y[i]][j] + spread * random.nextGaussian());
            }
        }
        return Examples.classified(x, d, y);
    }

    static TransferContext context(Examples source, Examples target) {
        Examples unlabelled = target.withoutLabels();
        LabelledSplit budget = new LabelledSplit(unlabelled, unlabelled.subset(new int[0]),
                IntStream.range(0, target.size()).toArray(), new int[0]);
        return new TransferContext("blobs", TaskType.CLUSTERING, List.of("a", "b", "c", "d"), FeatureShape.flat(3), budget,
                new NetworkSpec(NetworkSpec.Type.MLP, List.of(8), List.of(20, 50), 1, 32, 0.001, 1), () -> {
                    throw new AssertionError("no source network in these tests");
                }, 3, (phase, epoch, a, b, c, d) -> { }).withAdaptationData(
                new TransferContext.SourceData(List.of("a", "b", "c", "d"), source, 4), unlabelled);
    }

    private static double nmi(Fitted fitted, Examples test) {
        return ClusteringMetrics.score(test.classes(), fitted.predictClasses(test)).get(ClusteringMetrics.NMI);
    }

    @Test
    void kmeansAndHdbscanRecoverWellSeparatedBlobs() {
        Examples target = blobs(CENTRES, 0.5, 50, 1);
        Examples test = blobs(CENTRES, 0.5, 50, 2);
        TransferContext context = context(target, target);
        Fitted kmeans = new ClusterTargetOnly().fit(new ClusterTargetOnly.Parameters(Clusterer.KMEANS, 0, 100, 10), context);
        assertEquals(1.0, nmi(kmeans, test), 1e-6);
        Fitted hdbscan = new ClusterTargetOnly().fit(new ClusterTargetOnly.Parameters(Clusterer.HDBSCAN, 0, 100, 10), context);
        assertTrue(nmi(hdbscan, test) > 0.95, "hdbscan NMI " + nmi(hdbscan, test));
    }

    @Test
    void warmStartCarriesSourceCentroidsToAShiftedTarget() {
        double[][] shifted = new double[CENTRES.length][];
        for (int c = 0; c < CENTRES.length; c++) {
            shifted[c] = new double[] {CENTRES[c][0] + 1, CENTRES[c][1] - 1, CENTRES[c][2] + 0.5};
        }
        Examples source = blobs(CENTRES, 0.5, 50, 3);
        Examples target = blobs(shifted, 0.5, 50, 4);
        Fitted fitted = new WarmStartKMeans().fit(new WarmStartKMeans.Parameters(WarmStartKMeans.Space.RAW, -1, 100),
                context(source, target));
        Examples test = blobs(shifted, 0.5, 50, 5);
        assertEquals(1.0, nmi(fitted, test), 1e-6);
        // Carried-over centroids keep the source's class order: cluster c is class c.
        int[] clusters = fitted.predictClasses(test);
        assertTrue(IntStream.range(0, test.size()).allMatch(i -> clusters[i] == test.classOf(i)));
    }

    @Test
    void lloydFromGivenCentroidsConvergesAndReportsIt() {
        Examples points = blobs(CENTRES, 0.1, 10, 6);
        Lloyd.Result result = Lloyd.run(points, Lloyd.classMeans(points, 4), 50);
        assertTrue(result.converged());
        assertEquals(1, result.iterations(), "class means of tight blobs are already the fixed point");
    }

    @Test
    void clusteringIsDeterministicForASeed() {
        Examples target = blobs(CENTRES, 3.0, 40, 7);
        TransferContext context = context(target, target);
        ClusterTargetOnly.Parameters p = new ClusterTargetOnly.Parameters(Clusterer.KMEANS, 0, 100, 10);
        assertEquals(java.util.Arrays.toString(new ClusterTargetOnly().fit(p, context).predictClasses(target)),
                java.util.Arrays.toString(new ClusterTargetOnly().fit(p, context).predictClasses(target)));
    }
}
