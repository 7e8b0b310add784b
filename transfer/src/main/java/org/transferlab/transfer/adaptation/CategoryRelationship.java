package org.transferlab.transfer.adaptation;

/**
 * Co-Tuning's category relationship p(y_s | y_t) by the direct approach (You et al., NeurIPS 2020, section 4.2): for
 * each target class, the mean of the source classifier's probabilities over the labelled examples of that class.
 */
final class CategoryRelationship {
    private CategoryRelationship() {
    }

    /**
     * Row t: the mean of {@code sourceProbabilities}' rows whose class is t, a distribution over the source's classes;
     * a target class without examples gets the uniform distribution (nothing is known of it).
     */
    static double[][] direct(double[][] sourceProbabilities, int[] targetClasses, int targetCount) {
        int sourceCount = sourceProbabilities.length == 0 ? 0 : sourceProbabilities[0].length;
        double[][] relationship = new double[targetCount][sourceCount];
        int[] counts = new int[targetCount];
        for (int i = 0; i < targetClasses.length; i++) {
            counts[targetClasses[i]]++;
            for (int s = 0; s < sourceCount; s++) {
                relationship[targetClasses[i]][s] += sourceProbabilities[i][s];
            }
        }
        for (int t = 0; t < targetCount; t++) {
            for (int s = 0; s < sourceCount; s++) {
                relationship[t][s] = counts[t] == 0 ? 1.0 / sourceCount : relationship[t][s] / counts[t];
            }
        }
        return relationship;
    }
}
