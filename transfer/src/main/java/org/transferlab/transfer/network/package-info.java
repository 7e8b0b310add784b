/**
 * The network transfer strategies: {@code fine-tuning}, {@code feature-extraction}, {@code lp-ft},
 * {@code layer-transfer}, {@code l2-sp} and {@code discriminative-fine-tuning}, each adapting a copy of the DL4J
 * source network to the target, and their shared glue to the SPI: {@link TargetTraining} (train on the budget with
 * early stopping, or train a new head alone on the cached embeddings) and {@link NetworkPredictor}. The networks
 * themselves are built, trained and evaluated by {@code org.transferlab.transfer.engine}.
 */
package org.transferlab.transfer.network;
