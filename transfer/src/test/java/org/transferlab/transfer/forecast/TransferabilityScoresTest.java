package org.transferlab.transfer.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/** Each transferability score against values computed by hand or by its paper's formula written out directly. */
class TransferabilityScoresTest {

    @Test
    void leepOfAKnownJointDistributionIsTheHandComputedValue() {
        double[][] theta = {{0.8, 0.2}, {0.6, 0.4}, {0.3, 0.7}};
        int[] y = {0, 0, 1};
        // P(y, z) = 1/3 Σ θ_z [y_i = y]: P(0,0) = 1.4/3, P(0,1) = 0.6/3, P(1,0) = 0.3/3, P(1,1) = 0.7/3,
        // so P(0|0) = 1.4/1.7, P(0|1) = 0.6/1.3, P(1|0) = 0.3/1.7, P(1|1) = 0.7/1.3.
        double expected = (Math.log(0.8 * 1.4 / 1.7 + 0.2 * 0.6 / 1.3) + Math.log(0.6 * 1.4 / 1.7 + 0.4 * 0.6 / 1.3)
                + Math.log(0.3 * 0.3 / 1.7 + 0.7 * 0.7 / 1.3)) / 3;
        assertEquals(expected, Leep.score(theta, y, 2), 1e-12);
    }

    @Test
    void leepIsZeroWhenSourceClassesDetermineTheTargetsAndTheLabelPriorWhenTheyTellNothing() {
        assertEquals(0, Leep.score(new double[][] {{1, 0}, {1, 0}, {0, 1}, {0, 1}}, new int[] {1, 1, 0, 0}, 2), 1e-12);
        double[][] uninformative = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};
        assertEquals((3 * Math.log(0.75) + Math.log(0.25)) / 4, Leep.score(uninformative, new int[] {0, 0, 0, 1}, 2), 1e-12);
    }

    @Test
    void hScoreOfOneFeatureIsTheBetweenClassShareOfItsVariance() {
        // f = 0, 2, 4, 6 with classes 0, 0, 1, 1: class means 1 and 5; deviations from the mean 3 are -3, -1, 1, 3
        // (sum of squares 20), of the class means -2, -2, 2, 2 (16): H = 16/20.
        double[][] f = {{0}, {2}, {4}, {6}};
        int[] y = {0, 0, 1, 1};
        assertEquals(0.8, HScore.score(f, y, 2), 1e-12);
        // A copy of the feature makes the covariance singular; the shrunk estimate still inverts, and lowers the score.
        double copied = HScore.score(new double[][] {{0, 0}, {2, 2}, {4, 4}, {6, 6}}, y, 2);
        assertTrue(copied > 0 && copied < 0.8, "with a copied feature: " + copied);
    }

    @Test
    void hScoreWithFewerExamplesThanFeaturesStillTellsInformativeFeaturesFromNoise() {
        // 10 examples of 20 features: the sample covariance is singular, and the plain score, tr(S⁺ S_between), is
        // classes - 1 = 1 for any features at all. The shrunk covariance keeps the score informative.
        SplittableRandom random = new SplittableRandom(11);
        int n = 10;
        double[][] noise = new double[n][20];
        double[][] informative = new double[n][20];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 20; j++) {
                noise[i][j] = random.nextGaussian();
                informative[i][j] = (j < 3 ? 2 * labels[i] : 0) + random.nextGaussian() * 0.5;
            }
        }
        double fromNoise = HScore.score(noise, labels, 2);
        assertTrue(fromNoise < 0.9, "noise features scored " + fromNoise);
        assertTrue(HScore.score(informative, labels, 2) > fromNoise + 0.1);
    }

    @Test
    void ledoitWolfShrinkageIsZeroForOneFeatureAndGrowsWhenExamplesAreFew() {
        double[][] one = {{-3}, {-1}, {1}, {3}};
        assertEquals(0, HScore.ledoitWolfShrinkage(one, MatrixUtils.createRealMatrix(new double[][] {{5}})), 0);
        SplittableRandom random = new SplittableRandom(2);
        double few = shrinkage(8, 10, random);
        double many = shrinkage(2000, 10, random);
        assertTrue(few > 0.2 && many < 0.05 && few > many, "8 examples " + few + ", 2000 examples " + many);
    }

    private static double shrinkage(int n, int d, SplittableRandom random) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (j + 1) * random.nextGaussian(); // far from spherical: little to gain from shrinking with many examples
            }
        }
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] -= mean[j];
            }
        }
        RealMatrix c = MatrixUtils.createRealMatrix(x);
        return HScore.ledoitWolfShrinkage(x, c.transpose().multiply(c).scalarMultiply(1.0 / n));
    }

    @Test
    void logMeMaximisesTheEvidenceWrittenOutWithAnInverseAndADeterminant() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 12;
        double[][] f = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            f[i][0] = y[i] * 2 - 1 + random.nextGaussian() * 0.5;
            f[i][1] = random.nextGaussian();
            f[i][2] = 1;
        }
        LogMe.Evidence best = LogMe.maximise(f, y);
        assertEquals(direct(f, y, best.alpha(), best.beta()) / n, best.perExample(), 1e-9);
        // The fixed point is where the evidence is largest: moving α or β either way lowers it.
        for (double factor : new double[] {0.9, 1.1}) {
            assertTrue(direct(f, y, best.alpha() * factor, best.beta()) < best.perExample() * n, "alpha x " + factor);
            assertTrue(direct(f, y, best.alpha(), best.beta() * factor) < best.perExample() * n, "beta x " + factor);
        }
        // LogME of two classes is the mean of each class indicator's evidence.
        int[] labels = new int[n];
        double[] other = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (int) y[i];
            other[i] = 1 - y[i];
        }
        assertEquals((best.perExample() + LogMe.maximise(f, other).perExample()) / 2, LogMe.score(f, labels, 2), 1e-12);
    }

    @Test
    void logMePrefersFeaturesThatSeparateTheClassesOverNoise() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 40;
        double[][] informative = new double[n][4];
        double[][] noise = new double[n][4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 4; j++) {
                informative[i][j] = (j == 0 ? 3 * labels[i] : 0) + random.nextGaussian() * 0.3;
                noise[i][j] = random.nextGaussian();
            }
        }
        assertTrue(LogMe.score(informative, labels, 2) > LogMe.score(noise, labels, 2));
        assertTrue(HScore.score(informative, labels, 2) > HScore.score(noise, labels, 2));
    }

    @Test
    void linearMmdIsTheSquaredDistanceOfTheMeans() {
        double[][] s = {{0, 0}, {2, 0}};
        double[][] t = {{1, 1}, {1, 3}};
        assertEquals(4, LinearMmd.squared(s, t), 1e-12);
        assertEquals(0, LinearMmd.squared(s, s), 0);
        // Variances (n - 1): source 2 + 0, target 0 + 2.
        assertEquals(2, LinearMmd.totalVariance(s), 1e-12);
        Forecast forecast = new LinearMmd().forecast(inputs(s, t));
        assertEquals(4, forecast.value(), 1e-12);
        assertEquals(2, forecast.reference(), 1e-12);
        assertFalse(forecast.helps(), "means 2 apart with a spread of 2 is a shift larger than the spread");
    }

    @Test
    void proxyADistanceIsNearZeroForOneDistributionAndTwoForSeparableOnes() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] a = gaussian(400, 0, random);
        double[][] b = gaussian(400, 0, random);
        double[][] far = gaussian(400, 8, random);
        assertTrue(ProxyADistance.estimate(a, b, 1) < 0.3, "same distribution: " + ProxyADistance.estimate(a, b, 1));
        assertTrue(ProxyADistance.estimate(a, far, 1) > 1.95, "separable: " + ProxyADistance.estimate(a, far, 1));
        assertEquals(ProxyADistance.estimate(a, b, 1), ProxyADistance.estimate(a, b, 1), 0, "the same seed gives the same split");
    }

    @Test
    void scoresOfFitHaveNoValueWithoutLabelsAndCompareWithTheReferenceNetwork() {
        ForecastInputs none = inputs(new double[][] {{0}, {1}}, new double[][] {{0}, {1}});
        for (TransferabilityScore score : new TransferabilityScore[] {new LogMe(), new Leep(), new HScore()}) {
            assertTrue(score.readsLabels());
            assertFalse(score.forecast(none).available(), score.description());
        }
        double[][] separating = {{0}, {0.1}, {5}, {5.1}};
        double[][] mixing = {{0}, {5}, {0.1}, {5.1}};
        int[] y = {0, 0, 1, 1};
        double[][] p = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};
        ForecastInputs in = new ForecastInputs(new LabelledFeatures(separating, p, y), new LabelledFeatures(mixing, p, y),
                separating, mixing, 2, 1);
        Forecast h = new HScore().forecast(in);
        assertTrue(h.helps() && h.value() > h.reference(), h.toString());
        ForecastInputs swapped = new ForecastInputs(in.reference(), in.transferred(), separating, mixing, 2, 1);
        assertFalse(new HScore().forecast(swapped).helps());
        assertFalse(new LogMe().forecast(swapped).helps());
    }

    private static ForecastInputs inputs(double[][] source, double[][] target) {
        LabelledFeatures empty = new LabelledFeatures(new double[0][], new double[0][], new int[0]);
        return new ForecastInputs(empty, empty, source, target, 2, 1);
    }

    private static double[][] gaussian(int n, double shift, SplittableRandom random) {
        double[][] rows = new double[n][2];
        for (double[] row : rows) {
            row[0] = shift + random.nextGaussian();
            row[1] = random.nextGaussian();
        }
        return rows;
    }

    /** The log evidence from the paper's formula, with A inverted and its determinant taken directly. */
    private static double direct(double[][] features, double[] target, double alpha, double beta) {
        RealMatrix f = MatrixUtils.createRealMatrix(features);
        RealVector y = MatrixUtils.createRealVector(target);
        int n = f.getRowDimension();
        int d = f.getColumnDimension();
        RealMatrix a = MatrixUtils.createRealIdentityMatrix(d).scalarMultiply(alpha)
                .add(f.transpose().multiply(f).scalarMultiply(beta));
        LUDecomposition lu = new LUDecomposition(a);
        RealVector m = lu.getSolver().solve(f.transpose().operate(y)).mapMultiply(beta);
        double residual = f.operate(m).subtract(y).getNorm();
        return d / 2.0 * Math.log(alpha) + n / 2.0 * Math.log(beta) - n / 2.0 * Math.log(2 * Math.PI)
                - beta / 2 * residual * residual - alpha / 2 * m.dotProduct(m) - Math.log(lu.getDeterminant()) / 2;
    }
}
