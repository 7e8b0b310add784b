package org.transferlab.experiments.reproduce.fashion;

import org.transferlab.core.data.Examples;
import org.transferlab.transfer.Predictor;

/** A classifier of the benchmark: trained on a train set, it predicts the classes of any examples of its width. */
interface BenchmarkModel {
    /**
     * @param classes how many classes the labels range over
     * @param seed    the seed of every random choice the training makes
     * @param threads how many threads it may use
     */
    Predictor fit(Examples train, int classes, long seed, int threads);
}
