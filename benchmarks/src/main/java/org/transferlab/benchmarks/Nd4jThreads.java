package org.transferlab.benchmarks;

import org.nd4j.linalg.factory.Nd4j;

/** Sets how many native threads ND4J and its BLAS use in this JVM, as {@code --nd4j-threads} does. */
final class Nd4jThreads {
    private Nd4jThreads() {
    }

    static void use(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
