/**
 * Regression strategies: {@code target-only}, {@code source-only}, {@code pooled}, {@code weighted},
 * {@code augment}, {@code pred}, {@code linint} and {@code prior} (Chelba and Acero's regularisation toward the
 * source model) over ridge regression, {@code importance-weighting} by density ratios, and {@code fine-tuning} of
 * an MLP regressor trained on the source. The models they share are here too: {@link LinearModel},
 * {@link PenalisedLeastSquares} and {@link MlpRegressor}.
 */
package org.transferlab.transfer.regression;
