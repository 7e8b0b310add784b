package org.transferlab.transfer.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

class CorrelationAlignmentTest {
    private static float[] gaussian(int rows, int width, double[] scales, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows * width];
        for (int i = 0; i < rows; i++) {
            double shared = random.nextGaussian();
            for (int j = 0; j < width; j++) {
                x[i * width + j] = (float) (scales[j] * (random.nextGaussian() + 0.5 * j * shared) + j);
            }
        }
        return x;
    }

    private static double[][] covariance(float[] x, int width) {
        double[][] rows = new double[x.length / width][width];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < width; j++) {
                rows[i][j] = x[i * width + j];
            }
        }
        return new Covariance(rows).getCovarianceMatrix().getData();
    }

    @Test
    void identicalDomainsAreLeftUnchanged() {
        float[] x = gaussian(500, 3, new double[] {1, 2, 0.5}, 1);
        float[] aligned = CorrelationAlignment.fit(x, x, 3, 1.0).apply(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], aligned[i], 1e-4, "feature " + i);
        }
    }

    @Test
    void alignedSourceFeaturesTakeTheTargetCovariance() {
        float[] source = gaussian(4000, 3, new double[] {1, 2, 0.5}, 2);
        float[] target = gaussian(4000, 3, new double[] {3, 0.2, 1.5}, 3);
        double[][] expected = covariance(target, 3);
        double[][] actual = covariance(CorrelationAlignment.fit(source, target, 3, 1e-9).apply(source), 3);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(expected[a][b], actual[a][b], 1e-3 * Math.max(1, Math.abs(expected[a][b])), "covariance " + a + "," + b);
            }
        }
    }
}
