/**
 * The strategy plugin interface and what a strategy works with. {@link TransferStrategy} and its task bases
 * ({@link ClassificationStrategy}, {@link RegressionStrategy}, {@link ClusteringStrategy}) fit one cell from a
 * {@link TransferContext} (the label budget, the target's description, the source model and source data) and
 * return a {@link Fitted} predictor with its {@link FitSummary}, or throw {@link NotApplicableException};
 * {@link TrainingLog} receives their learning curves. {@link StrategyBindings} keeps one registry per task and
 * {@link StrategiesModule} registers the built-in strategies, which live in the subpackages by family.
 */
package org.transferlab.transfer;
