package org.transferlab.transfer.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

class CorrelationAlignmentTest {
    /** Correlated features: feature j is scales[j] * (z_j + 0.5 j s) + j, with z_j and s standard normal. */
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

    private static float[] affine(float[] x, double[] scale, double[] shift) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (scale[i % scale.length] * x[i] + shift[i % shift.length]);
        }
        return y;
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

    /**
     * The target is the source's own rows under x -> D x + b with D a positive diagonal: standardising each
     * domain by its own statistics takes both to the same features, so CORAL is the identity there and the
     * aligned source is D x + b exactly, whatever lambda and however correlated the features. The scales span
     * four orders of magnitude on purpose: lambda = 1 added to raw covariances would swamp the small ones.
     */
    @Test
    void aTargetThatIsAPositiveDiagonalScalingPlusAShiftOfTheSourceIsRecoveredExactly() {
        double[] scale = {0.01, 0.2, 5, 40};
        double[] shift = {3, -1, 0.5, 100};
        float[] source = gaussian(2000, 4, new double[] {1, 2, 0.5, 1}, 4);
        float[] target = affine(source, scale, shift);
        for (double lambda : new double[] {1.0, 1e-3}) {
            float[] aligned = CorrelationAlignment.fit(source, target, 4, lambda).apply(source);
            for (int i = 0; i < target.length; i++) {
                assertEquals(target[i], aligned[i], 1e-4 * scale[i % 4] * 10 + 1e-5 * Math.abs(shift[i % 4]),
                        "lambda " + lambda + ", row " + i / 4 + ", feature " + i % 4);
            }
        }
    }

    /**
     * Lambda is measured in units of each feature's variance, as in the paper (which adds the identity to
     * covariances of standardised features): measuring both domains in other units (here 1000 times smaller
     * for the source, 1000 times larger for the target) changes the aligned features by the target's factor
     * and nothing else.
     */
    @Test
    void lambdaDoesNotDependOnTheUnitsTheFeaturesAreMeasuredIn() {
        float[] source = gaussian(1000, 3, new double[] {1, 2, 0.5}, 5);
        float[] target = gaussian(1000, 3, new double[] {3, 0.2, 1.5}, 6);
        float[] aligned = CorrelationAlignment.fit(source, target, 3, 1.0).apply(source);
        float[] smallSource = affine(source, new double[] {1e-3}, new double[] {0});
        float[] largeTarget = affine(target, new double[] {1e3}, new double[] {0});
        float[] rescaled = CorrelationAlignment.fit(smallSource, largeTarget, 3, 1.0).apply(smallSource);
        for (int i = 0; i < aligned.length; i++) {
            assertEquals(1e3 * aligned[i], rescaled[i], 1e-4 * Math.max(1, Math.abs(1e3 * aligned[i])), "feature " + i);
        }
    }

    /** A hidden unit that never fires in one domain (a constant feature) must neither divide by zero nor move. */
    @Test
    void aFeatureConstantInEitherDomainStaysFiniteAndTakesTheTargetsValue() {
        float[] source = gaussian(500, 3, new double[] {1, 2, 0.5}, 7);
        float[] target = gaussian(500, 3, new double[] {3, 0.2, 1.5}, 8);
        for (int i = 0; i < 500; i++) {
            source[i * 3] = 0;
            target[i * 3 + 2] = 4;
        }
        float[] aligned = CorrelationAlignment.fit(source, target, 3, 1.0).apply(source);
        for (int i = 0; i < aligned.length; i++) {
            assertTrue(Float.isFinite(aligned[i]), "feature " + i);
        }
        for (int i = 0; i < 500; i++) {
            assertEquals(4, aligned[i * 3 + 2], 1e-5, "constant in the target: stays the target's constant");
        }
    }
}
