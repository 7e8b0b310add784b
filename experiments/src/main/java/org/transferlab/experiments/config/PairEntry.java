package org.transferlab.experiments.config;

/**
 * One transfer direction of the study.
 *
 * @param source the name of the domain the source network is trained on
 * @param target the name of the domain transferred to, whose label budget and test partition are used
 */
public record PairEntry(String source, String target) {
    /** For tables: {@code source → target}. */
    public String label() {
        return source + " → " + target;
    }
}
