/**
 * {@code fashion-mnist-benchmark}: the classical classifiers of the Fashion-MNIST paper (Xiao, Rasul and Vollgraf
 * 2017) at its settings, as Tribuo trainers or a DL4J MLP ({@link BenchmarkModel}), against the paper's accuracies
 * ({@link BenchmarkEntry}) by the rules of {@link BenchmarkClaims}. It trains with its own loop and worker pool,
 * not through the study harness.
 */
package org.transferlab.experiments.reproduce.fashion;
