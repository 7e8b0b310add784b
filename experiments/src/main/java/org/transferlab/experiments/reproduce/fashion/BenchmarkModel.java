package org.transferlab.experiments.reproduce.fashion;

import org.transferlab.core.data.Examples;

/** A classifier of the benchmark: trained on a train set, it predicts the classes of a test set. */
interface BenchmarkModel {
    /**
     * @param classes how many classes the labels range over
     * @param seed    the seed of every random choice the training makes
     * @param threads how many threads it may use
     */
    int[] fitAndPredict(Examples train, Examples test, int classes, long seed, int threads);
}
