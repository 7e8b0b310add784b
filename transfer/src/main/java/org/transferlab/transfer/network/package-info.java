/**
 * Network transfer strategies and, for now, the network toolkit they share. The strategies adapt a DL4J source
 * network to the target: {@code fine-tuning}, {@code feature-extraction}, {@code lp-ft}, {@code layer-transfer},
 * {@code l2-sp} and {@code discriminative-fine-tuning}. The toolkit builds, trains and applies networks:
 * {@link NetworkSpec} and {@link NetworkFactory}, the shared {@link SourceModel} and its {@link SourceTrainer},
 * target training with early stopping ({@link TargetTraining}, {@link EarlyStoppingTrainer},
 * {@link TrainingSchedule}), input scaling and batched prediction.
 */
package org.transferlab.transfer.network;
