package org.transferlab.experiments.reproduce.yosinski;

/**
 * The test accuracy on B of one network.
 *
 * @param split     which random A/B split of the classes (0-based)
 * @param seed      which seed within the split (0-based)
 * @param condition which network
 * @param n         how many layers were copied (0 for the base networks)
 * @param accuracy  accuracy on B's test images
 * @param seconds   training time
 */
record Measurement(int split, int seed, Condition condition, int n, double accuracy, double seconds) {
    /** The repetition this measurement belongs to: measurements of one repetition are paired. */
    String repetition() {
        return split + "/" + seed;
    }
}
