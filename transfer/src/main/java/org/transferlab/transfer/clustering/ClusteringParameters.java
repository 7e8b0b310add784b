package org.transferlab.transfer.clustering;

/** Checks shared by the clustering strategies' parameter records. */
final class ClusteringParameters {
    private ClusteringParameters() {
    }

    static void validate(int k, int iterations, int minClusterSize) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be ≥ 0 (0: the target's number of classes), got " + k);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        if (minClusterSize < 2) {
            throw new IllegalArgumentException("min-cluster-size must be at least 2, got " + minClusterSize);
        }
    }

    /** k, or the number of classes of the target's label space when k is 0. */
    static int clusters(int k, int classCount) {
        return k > 0 ? k : classCount;
    }
}
