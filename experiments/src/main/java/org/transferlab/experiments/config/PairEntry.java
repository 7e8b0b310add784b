package org.transferlab.experiments.config;

/**
 * One transfer direction of the study.
 *
 * @param source the name of the domain or model the source network comes from; empty ({@link NoSource#ABSENT})
 *               for a target studied without a source
 * @param target the name of the domain transferred to, whose label budget and test partition are used
 */
public record PairEntry(@org.transferlab.core.plugin.Default("") String source, String target) {
    /** For tables: {@code source → target}. */
    public String label() {
        return (hasSource() ? source : NoSource.NAME) + " → " + target;
    }

    /** Whether the pair names a source. */
    public boolean hasSource() {
        return !source.equals(NoSource.ABSENT);
    }
}
