/**
 * The classification baselines and Daumé III's suite (ACL 2007): {@code target-only} (the no-transfer baseline),
 * {@code oracle} (the upper reference, trained on every target label), {@code source-only}, {@code pooled},
 * {@code weighted}, {@code augment}, {@code pred} and {@code linint}. What they share is here too: the model
 * trained from scratch ({@link ClassifierModel}: the study's network or a classical Tribuo classifier), the source
 * data pooled with the budget ({@link SourcePool}), widened features and batched network outputs.
 */
package org.transferlab.transfer.baseline;
