package org.transferlab.experiments.config;

/**
 * The source of a pair that has none ({@code pairs: [{target: DOMAIN}]}): a study of no-transfer strategies
 * alone, such as the classical classifiers of a benchmark, on exactly the harness's terms (sealed test partition,
 * budgets drawn once, the result store and report). A strategy that needs a source model or source examples
 * does not apply to its cells and is reported so.
 */
public record NoSource() implements SourceEntry {
    /** How tables and {@code results.csv} name the missing source. */
    public static final String NAME = "(none)";
    /** The pair entry's source when the config gives none. */
    public static final String ABSENT = "";
    public static final NoSource INSTANCE = new NoSource();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String canonical() {
        return "no-source";
    }

    @Override
    public int line() {
        return 0;
    }
}
