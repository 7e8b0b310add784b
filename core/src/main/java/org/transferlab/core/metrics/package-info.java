/**
 * The test metrics of each task, computed with Tribuo's evaluators so that the numbers mean what Tribuo's do:
 * accuracy and macro-F1 ({@link ClassificationMetrics}), RMSE, MAE and R² ({@link RegressionMetrics}), NMI, AMI
 * and ARI ({@link ClusteringMetrics}). {@link TaskMetrics} names each task's metric columns, the one reports lead
 * with, and which way is better.
 */
package org.transferlab.core.metrics;
