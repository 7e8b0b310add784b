package org.transferlab.transfer.weighting;

/**
 * Minimises ½βᵀKβ − κᵀβ over 0 ≤ β_i ≤ B and lo ≤ Σβ_i ≤ hi, for a symmetric positive semi-definite K: Kernel
 * Mean Matching's quadratic program. Accelerated projected gradient (FISTA: Beck &amp; Teboulle, SIAM J. Imaging
 * Sciences 2009) with step 1/L, L = the largest row sum of |K| (an upper bound on K's largest eigenvalue,
 * Gershgorin), and adaptive restart (O'Donoghue &amp; Candès, Found. Comput. Math. 2015). The projection onto the
 * feasible set is exact: β = clip(v − τ, 0, B) with the one shift τ that brings the sum into [lo, hi] (τ = 0 when
 * the clipped sum already is), found by bisection and then solved exactly on the free coordinates.
 *
 * <p>Why not a library: no QP solver is in the project's offline dependency set, and this feasible set has an
 * exact projection, so each step costs one matrix-vector product, O(n²).
 */
final class BoxSumQuadraticProgram {
    private final double[][] k;
    private final double[] kappa;
    private final double bound;
    private final double lo;
    private final double hi;

    /**
     * @param k     the n × n matrix K, symmetric positive semi-definite
     * @param kappa the linear term κ
     * @param bound B, the upper bound of every β_i
     * @param lo    the least Σβ_i
     * @param hi    the greatest Σβ_i
     */
    BoxSumQuadraticProgram(double[][] k, double[] kappa, double bound, double lo, double hi) {
        int n = kappa.length;
        if (k.length != n || n == 0) {
            throw new IllegalArgumentException("K must be " + n + " × " + n + " and non-empty, got " + k.length + " rows");
        }
        if (!(bound > 0) || !(lo <= hi) || lo > n * bound || hi < 0) {
            throw new IllegalArgumentException("no β satisfies 0 ≤ β ≤ " + bound + " and " + lo + " ≤ Σβ ≤ " + hi
                    + " with " + n + " coordinates");
        }
        this.k = k;
        this.kappa = kappa;
        this.bound = bound;
        this.lo = lo;
        this.hi = hi;
    }

    /** The objective ½βᵀKβ − κᵀβ. */
    double objective(double[] beta) {
        double[] kb = times(beta);
        double value = 0;
        for (int i = 0; i < beta.length; i++) {
            value += 0.5 * beta[i] * kb[i] - kappa[i] * beta[i];
        }
        return value;
    }

    /**
     * The minimiser, starting from {@code start} (projected first), after at most {@code iterations} steps or
     * once no coordinate moves by more than {@code tolerance} times max(1, max β) in a step.
     */
    double[] solve(double[] start, int iterations, double tolerance) {
        int n = kappa.length;
        double lipschitz = 0;
        for (double[] row : k) {
            double sum = 0;
            for (double v : row) {
                sum += Math.abs(v);
            }
            lipschitz = Math.max(lipschitz, sum);
        }
        double step = lipschitz > 0 ? 1 / lipschitz : 1;
        double[] x = project(start);
        double[] y = x.clone();
        double t = 1;
        double[] v = new double[n];
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[] gradient = times(y);
            for (int i = 0; i < n; i++) {
                v[i] = y[i] - step * (gradient[i] - kappa[i]);
            }
            double[] next = project(v);
            double moved = 0;
            double largest = 1;
            double restart = 0;
            for (int i = 0; i < n; i++) {
                moved = Math.max(moved, Math.abs(next[i] - x[i]));
                largest = Math.max(largest, Math.abs(next[i]));
                restart += (y[i] - next[i]) * (next[i] - x[i]);
            }
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            if (restart > 0) {
                tNext = 1;
                y = next.clone();
            } else {
                double momentum = (t - 1) / tNext;
                for (int i = 0; i < n; i++) {
                    y[i] = next[i] + momentum * (next[i] - x[i]);
                }
            }
            t = tNext;
            x = next;
            if (moved <= tolerance * largest) {
                break;
            }
        }
        return x;
    }

    /** The point of the feasible set nearest to {@code v} (Euclidean). */
    double[] project(double[] v) {
        double sum = clippedSum(v, 0);
        if (sum >= lo && sum <= hi) {
            return clipped(v, 0);
        }
        double target = sum > hi ? hi : lo;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : v) {
            low = Math.min(low, value - bound);
            high = Math.max(high, value);
        }
        // clippedSum falls from n·B at τ = low to 0 at τ = high; find where it crosses the target.
        for (int i = 0; i < 200 && high - low > 1e-13 * Math.max(1, Math.abs(high)); i++) {
            double mid = (low + high) / 2;
            if (clippedSum(v, mid) > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double tau = exactShift(v, (low + high) / 2, target);
        return clipped(v, tau);
    }

    /** The shift τ near {@code guess} whose clipped sum is exactly {@code target}, on the coordinates free at the guess. */
    private double exactShift(double[] v, double guess, double target) {
        double freeSum = 0;
        int free = 0;
        double atBound = 0;
        for (double value : v) {
            double shifted = value - guess;
            if (shifted >= bound) {
                atBound += bound;
            } else if (shifted > 0) {
                freeSum += value;
                free++;
            }
        }
        if (free == 0) {
            return guess;
        }
        double tau = (freeSum + atBound - target) / free;
        // Keep the exact value only if it leaves the same coordinates free (it does unless the guess sat on a kink).
        return Math.abs(clippedSum(v, tau) - target) <= Math.abs(clippedSum(v, guess) - target) ? tau : guess;
    }

    private double clippedSum(double[] v, double tau) {
        double sum = 0;
        for (double value : v) {
            sum += Math.min(bound, Math.max(0, value - tau));
        }
        return sum;
    }

    private double[] clipped(double[] v, double tau) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.min(bound, Math.max(0, v[i] - tau));
        }
        return out;
    }

    private double[] times(double[] beta) {
        double[] out = new double[beta.length];
        for (int i = 0; i < beta.length; i++) {
            double sum = 0;
            double[] row = k[i];
            for (int j = 0; j < beta.length; j++) {
                sum += row[j] * beta[j];
            }
            out[i] = sum;
        }
        return out;
    }
}
