package org.transferlab.transfer.adaptation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Gradient checks by central finite differences, and the random matrices they are checked at. */
final class FiniteDifferences {
    private static final double STEP = 1e-6;

    private FiniteDifferences() {
    }

    static double[][] random(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][columns];
        for (double[] row : x) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    /** Asserts that {@code analytic} is the gradient of {@code loss} at {@code x}, entry by entry. */
    static void assertGradient(ToDoubleFunction<double[][]> loss, double[][] x, double[][] analytic, String what) {
        assertGradient(loss, x, analytic, 1e-6, 1e-4, what);
    }

    /** As {@link #assertGradient(ToDoubleFunction, double[][], double[][], String)} within the given tolerances. */
    static void assertGradient(ToDoubleFunction<double[][]> loss, double[][] x, double[][] analytic, double absolute,
                               double relative, String what) {
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                double[][] up = copy(x);
                double[][] down = copy(x);
                up[i][j] += STEP;
                down[i][j] -= STEP;
                double numeric = (loss.applyAsDouble(up) - loss.applyAsDouble(down)) / (2 * STEP);
                largest = Math.max(largest, Math.abs(numeric));
                assertEquals(numeric, analytic[i][j], absolute + relative * Math.abs(numeric),
                        what + " d/dx[" + i + "][" + j + "]");
            }
        }
        assertTrue(largest > 1e-4, what + ": the check compared gradients that are all about zero");
    }
}
