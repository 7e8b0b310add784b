package org.transferlab.transfer.adaptation;

/**
 * The CORAL loss of Deep CORAL (Sun &amp; Saenko, "Deep CORAL: Correlation Alignment for Deep Domain Adaptation",
 * ECCV 2016 workshops): the squared Frobenius distance between the source and target batches' feature covariances,
 * ||C_S - C_T||²_F / (4 d²), with the paper's gradients
 * dL/dX_S = (X_S - 1 μ_S)(C_S - C_T) / (d² (n_S - 1)) and dL/dX_T = -(X_T - 1 μ_T)(C_S - C_T) / (d² (n_T - 1)).
 */
public final class CoralLoss {
    private CoralLoss() {
    }

    /** The loss between rows 0..{@code sourceRows}-1 and the rest of {@code rows}; 0 when a batch has fewer than 2 rows. */
    public static LossGradient of(double[][] rows, int sourceRows) {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        double[][] gradient = new double[n][d];
        int targetRows = n - sourceRows;
        if (sourceRows < 2 || targetRows < 2) {
            return new LossGradient(0, gradient);
        }
        double[][] centredS = centred(rows, 0, sourceRows);
        double[][] centredT = centred(rows, sourceRows, n);
        double[][] difference = covariance(centredS);
        double[][] covT = covariance(centredT);
        double value = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                difference[i][j] -= covT[i][j];
                value += difference[i][j] * difference[i][j];
            }
        }
        value /= 4.0 * d * d;
        addProduct(centredS, difference, 1.0 / ((double) d * d * (sourceRows - 1)), gradient, 0);
        addProduct(centredT, difference, -1.0 / ((double) d * d * (targetRows - 1)), gradient, sourceRows);
        return new LossGradient(value, gradient);
    }

    private static double[][] centred(double[][] rows, int from, int to) {
        int d = rows[0].length;
        double[] mean = new double[d];
        for (int i = from; i < to; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += rows[i][j] / (to - from);
            }
        }
        double[][] centred = new double[to - from][d];
        for (int i = from; i < to; i++) {
            for (int j = 0; j < d; j++) {
                centred[i - from][j] = rows[i][j] - mean[j];
            }
        }
        return centred;
    }

    private static double[][] covariance(double[][] centred) {
        int d = centred[0].length;
        double[][] c = new double[d][d];
        for (double[] row : centred) {
            for (int i = 0; i < d; i++) {
                if (row[i] == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    c[i][j] += row[i] * row[j];
                }
            }
        }
        for (double[] line : c) {
            for (int j = 0; j < d; j++) {
                line[j] /= centred.length - 1;
            }
        }
        return c;
    }

    private static void addProduct(double[][] left, double[][] right, double scale, double[][] into, int from) {
        int d = right.length;
        for (int i = 0; i < left.length; i++) {
            for (int k = 0; k < d; k++) {
                double l = left[i][k];
                if (l == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    into[from + i][j] += scale * l * right[k][j];
                }
            }
        }
    }
}
