package org.transferlab.transfer.weighting;

import java.util.Arrays;

/**
 * Kernel Mean Matching (Huang, Smola, Gretton, Borgwardt &amp; Schölkopf, "Correcting Sample Selection Bias by
 * Unlabeled Data", NeurIPS 2006): weights β of the source examples that make the weighted source mean in a
 * Gaussian kernel's feature space match the target's, found by the quadratic program
 * <pre>
 *   minimise ½βᵀKβ − κᵀβ   subject to 0 ≤ β_i ≤ B,  |Σβ_i − n_s| ≤ n_s·ε,
 * </pre>
 * with K_ij = k(x_i, x_j) on the source examples and κ_i = (n_s/n_t) Σ_j k(x_i, x'_j) over the target's. It is
 * solved by {@link BoxSumQuadraticProgram}, starting from β = 1 (the weights when the domains agree).
 */
final class KernelMeanMatching {
    /** Steps of the solver at most, and its stopping tolerance (relative change of the weights in a step). */
    static final int ITERATIONS = 2000;
    static final double TOLERANCE = 1e-7;

    private KernelMeanMatching() {
    }

    /**
     * @param bound   B, the greatest weight (paper: 1000; at least 1)
     * @param epsilon ε, how far the weights' mean may stray from 1; −1 for the paper's (√n_s − 1)/√n_s, else in [0, 1)
     * @param width   the kernel width σ on standardised features; 0 for the median heuristic, else positive
     */
    record Settings(double bound, double epsilon, double width) {
        Settings {
            if (!(bound >= 1) || Double.isInfinite(bound)) {
                throw new IllegalArgumentException("bound must be a finite number ≥ 1 (weights of mean 1 must be possible), got "
                        + bound);
            }
            if (epsilon != -1 && !(epsilon >= 0 && epsilon < 1)) {
                throw new IllegalArgumentException("epsilon must be in [0, 1), or -1 for the paper's (√n − 1)/√n, got " + epsilon);
            }
            Kernels.requireWidth(width);
        }

        /** ε for {@code n} source examples. */
        double epsilon(int n) {
            return epsilon == -1 ? (Math.sqrt(n) - 1) / Math.sqrt(n) : epsilon;
        }
    }

    /** The weights and what produced them. */
    record Weights(double[] beta, double bound, double epsilon, GaussianKernel kernel) {
        String describe() {
            return String.format(java.util.Locale.ROOT, "kmm (B %.4g, epsilon %.4g, kernel width %.4g): %s", bound, epsilon,
                    kernel.width(), Kernels.summary(beta));
        }
    }

    /** β for the rows of {@code source} against those of {@code target}, both standardised alike. */
    static Weights weights(double[][] source, double[][] target, Settings settings) {
        if (source.length == 0 || target.length == 0) {
            throw new IllegalArgumentException("kernel mean matching needs source and target examples, got " + source.length
                    + " and " + target.length);
        }
        int n = source.length;
        GaussianKernel kernel = Kernels.kernel(settings.width(), source, target);
        double[][] k = kernel.between(source, source);
        double[][] cross = kernel.between(source, target);
        double[] kappa = new double[n];
        double ratio = (double) n / target.length;
        for (int i = 0; i < n; i++) {
            kappa[i] = ratio * Arrays.stream(cross[i]).sum();
        }
        double epsilon = settings.epsilon(n);
        BoxSumQuadraticProgram program = new BoxSumQuadraticProgram(k, kappa, settings.bound(), n * (1 - epsilon),
                n * (1 + epsilon));
        double[] start = new double[n];
        Arrays.fill(start, 1);
        return new Weights(program.solve(start, ITERATIONS, TOLERANCE), settings.bound(), epsilon, kernel);
    }
}
