/**
 * The strategy plugin interface and what a strategy works with. {@link TransferStrategy} and its task bases
 * ({@link ClassificationStrategy}, {@link RegressionStrategy}, {@link ClusteringStrategy}) fit one cell from a
 * {@link TransferContext} (the label budget, the target's description, the source model and source data) and
 * return a {@link Fitted} predictor with its {@code engine.FitSummary}, or throw {@link NotApplicableException};
 * {@code engine.TrainingLog} receives their learning curves. {@link StrategyBindings} keeps one registry per task;
 * the built-in strategies live in the subpackages by family and {@code builtin.StrategiesModule} registers them.
 */
package org.transferlab.transfer;
