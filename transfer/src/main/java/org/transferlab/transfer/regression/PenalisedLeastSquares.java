package org.transferlab.transfer.regression;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Weighted least squares with a Gaussian prior on each coefficient, in closed form:
 * minimise Σ_i c_i (x_iᵀw − y_i)² + Σ_j λ_j (w_j − m_j)², solved as (XᵀCX + Λ) w = XᵀCy + Λm. Ridge
 * regression is the case m = 0; Chelba &amp; Acero's prior (EMNLP 2004) is m = the source model's
 * coefficients. The normal equations are solved through a singular value decomposition, so a rank
 * deficient system (fewer examples than coefficients and a zero penalty) gets the minimum-norm solution
 * instead of an error.
 */
final class PenalisedLeastSquares {
    private PenalisedLeastSquares() {
    }

    /**
     * @param design  one row per example, one column per coefficient (constant columns included)
     * @param targets the value of each example
     * @param weights each example's weight c_i (≥ 0)
     * @param penalty each coefficient's λ_j (≥ 0)
     * @param centre  each coefficient's prior mean m_j
     * @return the coefficients
     */
    static double[] solve(double[][] design, double[] targets, double[] weights, double[] penalty, double[] centre) {
        int p = penalty.length;
        RealMatrix gram = new Array2DRowRealMatrix(p, p);
        RealVector moment = new ArrayRealVector(p);
        for (int i = 0; i < design.length; i++) {
            double[] x = design[i];
            double c = weights[i];
            if (c == 0) {
                continue;
            }
            for (int a = 0; a < p; a++) {
                double cx = c * x[a];
                moment.addToEntry(a, cx * targets[i]);
                for (int b = a; b < p; b++) {
                    gram.addToEntry(a, b, cx * x[b]);
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                gram.setEntry(a, b, gram.getEntry(b, a));
            }
            gram.addToEntry(a, a, penalty[a]);
            moment.addToEntry(a, penalty[a] * centre[a]);
        }
        return new SingularValueDecomposition(gram).getSolver().solve(moment).toArray();
    }
}
