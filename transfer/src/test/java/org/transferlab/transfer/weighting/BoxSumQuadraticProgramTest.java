package org.transferlab.transfer.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The KMM solver against quadratic programs whose solutions are known in closed form. */
class BoxSumQuadraticProgramTest {
    private static final double[][] IDENTITY_3 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    private static double[] solve(double[][] k, double[] kappa, double bound, double lo, double hi) {
        return new BoxSumQuadraticProgram(k, kappa, bound, lo, hi).solve(new double[kappa.length], 5000, 1e-12);
    }

    @Test
    void withTheIdentityTheSolutionIsKappaClippedToTheBox() {
        // ½‖β‖² − κᵀβ = ½‖β − κ‖² + const: the nearest feasible point to κ.
        double[] beta = solve(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}},
                new double[] {5, -1, 0.5, 2}, 3, 0, 100);
        assertArrayEquals(new double[] {3, 0, 0.5, 2}, beta, 1e-9);
    }

    @Test
    void anActiveUpperSumShiftsEveryFreeWeightDownAlike() {
        // Σ max(0, κ − τ) = 3 at τ = 1.
        assertArrayEquals(new double[] {0, 1, 2}, solve(IDENTITY_3, new double[] {1, 2, 3}, 10, 0, 3), 1e-9);
    }

    @Test
    void anActiveLowerSumShiftsEveryWeightUpAlike() {
        // 0.1 + 0.2 − 2τ = 2 at τ = −0.85.
        assertArrayEquals(new double[] {0.95, 1.05}, solve(new double[][] {{1, 0}, {0, 1}}, new double[] {0.1, 0.2}, 10, 2, 5),
                1e-9);
    }

    @Test
    void anInteriorSolutionOfACoupledProblemIsTheLinearSystemsSolution() {
        // K β = κ: [[2, 1], [1, 2]] β = (1, 1) gives β = (1/3, 1/3), inside the box and the sum's range.
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3}, solve(new double[][] {{2, 1}, {1, 2}}, new double[] {1, 1}, 10, 0, 10),
                1e-7);
        // [[2, 1], [1, 1]] β = (3, 1): β = (2, −1), so the bound β_2 ≥ 0 is active and β_1 = 3/2 minimises the rest.
        assertArrayEquals(new double[] {1.5, 0}, solve(new double[][] {{2, 1}, {1, 1}}, new double[] {3, 1}, 10, 0, 10), 1e-7);
    }

    @Test
    void theSolutionIsNoWorseThanRandomFeasiblePoints() {
        double[][] points = Samples.gaussian(40, 2, 0, 1, 3);
        double[][] k = new GaussianKernel(1).between(points, points);
        double[] kappa = new double[40];
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        for (int i = 0; i < kappa.length; i++) {
            kappa[i] = 10 * random.nextDouble();
        }
        BoxSumQuadraticProgram program = new BoxSumQuadraticProgram(k, kappa, 5, 30, 50);
        double[] beta = program.solve(new double[40], 5000, 1e-12);
        double best = program.objective(beta);
        for (int trial = 0; trial < 200; trial++) {
            double[] other = new double[40];
            for (int i = 0; i < other.length; i++) {
                other[i] = beta[i] + 0.1 * random.nextGaussian();
            }
            double[] feasible = program.project(other);
            assertTrue(program.objective(feasible) >= best - 1e-9, "a nearby feasible point is better: "
                    + program.objective(feasible) + " < " + best);
        }
    }

    @Test
    void anEmptyFeasibleSetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoxSumQuadraticProgram(IDENTITY_3, new double[3], 1, 4, 5));
    }
}
