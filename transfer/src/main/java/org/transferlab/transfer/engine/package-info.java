/**
 * The network engine every strategy family uses: {@link NetworkSpec} and {@link NetworkFactory} build DL4J
 * networks, {@link SourceTrainer} trains the shared {@link SourceModel}, {@link EarlyStoppingTrainer} trains on a
 * budget with a {@link TrainingSchedule} and reports to a {@link TrainingLog}, returning a {@link FitSummary};
 * {@link Batches}, {@link InputScaling}, {@link NewHead}, {@link HeadOnly} and {@link NetworkEvaluation} are the
 * pieces around them, and {@link ElementwiseAdam} the updater of every network. Its classes use no SPI type and
 * no strategy family ({@code PackageGraphTest}), so it can change behind its own types.
 */
package org.transferlab.transfer.engine;
