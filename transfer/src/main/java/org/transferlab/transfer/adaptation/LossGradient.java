package org.transferlab.transfer.adaptation;

/**
 * A loss on a batch of rows and its gradient with respect to every entry of those rows.
 *
 * @param value    the loss
 * @param gradient d value / d row[i][j], the shape of the rows it was computed on
 */
public record LossGradient(double value, double[][] gradient) {

    /** This loss and gradient multiplied by {@code weight}. */
    public LossGradient times(double weight) {
        double[][] scaled = new double[gradient.length][];
        for (int i = 0; i < gradient.length; i++) {
            scaled[i] = gradient[i].clone();
            for (int j = 0; j < scaled[i].length; j++) {
                scaled[i][j] *= weight;
            }
        }
        return new LossGradient(value * weight, scaled);
    }

    /** Adds this gradient into rows {@code from}.. of {@code into}. */
    public void addInto(double[][] into, int from) {
        for (int i = 0; i < gradient.length; i++) {
            for (int j = 0; j < gradient[i].length; j++) {
                into[from + i][j] += gradient[i][j];
            }
        }
    }
}
