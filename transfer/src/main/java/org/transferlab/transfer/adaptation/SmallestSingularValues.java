package org.transferlab.transfer.adaptation;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The penalty of batch spectral shrinkage (Chen, Wang, Fu, Long &amp; Wang, "Catastrophic Forgetting Meets Negative
 * Transfer: Batch Spectral Shrinkage for Safe Transfer Learning", NeurIPS 2019): the sum of the k smallest squared
 * singular values of a batch's feature matrix F (b rows), Σ_{i=1..k} σ²_{-i}. The squared singular values are
 * the eigenvalues of the smaller Gram matrix (F Fᵀ or Fᵀ F), by commons-math's symmetric eigendecomposition, and
 * d σ_i² / d F = 2 u_i u_iᵀ F (or 2 F v_i v_iᵀ), u_i and v_i the eigenvectors.
 */
public final class SmallestSingularValues {
    private SmallestSingularValues() {
    }

    /** Σ of the {@code k} smallest squared singular values of {@code rows} and its gradient; k is capped at min(b, d). */
    public static LossGradient of(double[][] rows, int k) {
        int b = rows.length;
        int d = b == 0 ? 0 : rows[0].length;
        double[][] gradient = new double[b][d];
        int count = Math.min(k, Math.min(b, d));
        if (count <= 0) {
            return new LossGradient(0, gradient);
        }
        RealMatrix f = new Array2DRowRealMatrix(rows, false);
        boolean byRows = b <= d;
        RealMatrix gram = byRows ? f.multiply(f.transpose()) : f.transpose().multiply(f);
        EigenDecomposition eigen = new EigenDecomposition(gram);
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double value = 0;
        RealMatrix projection = new Array2DRowRealMatrix(gram.getRowDimension(), gram.getColumnDimension());
        for (int i = 0; i < count; i++) {
            value += Math.max(values[order[i]], 0);
            var vector = eigen.getEigenvector(order[i]);
            projection = projection.add(vector.outerProduct(vector));
        }
        RealMatrix g = (byRows ? projection.multiply(f) : f.multiply(projection)).scalarMultiply(2);
        for (int i = 0; i < b; i++) {
            gradient[i] = g.getRow(i);
        }
        return new LossGradient(value, gradient);
    }
}
