/**
 * {@code yosinski2014}: Figure 2 of Yosinski, Clune, Bengio and Lipson (NeurIPS 2014) on Fashion-MNIST split into
 * two halves of classes: base networks and networks whose first n layers come from another, frozen or fine-tuned
 * ({@link LayerSplice}, {@link Condition}), the figure ({@link Figure2}) and its three claims checked on paired
 * differences ({@link FigureTwoClaims}). It trains with its own loop, not through the study harness.
 */
package org.transferlab.experiments.reproduce.yosinski;
