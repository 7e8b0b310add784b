/**
 * JMH benchmarks of what a study spends its time on: a training epoch of the MLP and the CNN, embeddings, Tribuo
 * heads, budget draws, reading IDX and CSV data, the source-model cache, and the harness's own cost per cell
 * ({@link HarnessOverheadBenchmark}, with the do-nothing {@link MajorityClass} strategy that
 * {@link BenchmarkStrategiesModule} registers on the benchmarks' class path only). {@link BenchData} and
 * {@link Nd4jThreads} are the setup they share.
 */
package org.transferlab.benchmarks;
