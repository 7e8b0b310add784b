package org.transferlab.experiments.config;

import java.util.List;
import org.transferlab.core.plugin.Default;

/**
 * One transfer direction of the study: from one source ({@code {source: a, target: t}}), from several
 * ({@code {sources: [a, b, c], target: t}}), or from none ({@code {target: t}}). A pair with several sources is
 * studied as each single source beside the sources combined ({@link SourceGroup}), all on the same target data, so
 * a reader sees whether the combination beats the best single source.
 *
 * @param source  the name of the domain or model the source network comes from; empty ({@link NoSource#ABSENT})
 *                for a target studied without a source or from several
 * @param sources the names of the source domains of a pair with several; empty otherwise
 * @param target  the name of the domain transferred to, whose label budget and test partition are used
 */
public record PairEntry(@Default("") String source, @Default("[]") List<String> sources, String target) {
    public PairEntry {
        sources = List.copyOf(sources);
    }

    /** A pair with one source (or none, when {@code source} is {@link NoSource#ABSENT}). */
    public PairEntry(String source, String target) {
        this(source, List.of(), target);
    }

    /** For tables: {@code source → target}, {@code a + b → target}. */
    public String label() {
        String from = hasSeveralSources() ? String.join(" + ", sources) : hasSource() ? source : NoSource.NAME;
        return from + " → " + target;
    }

    /** Whether the pair names a source, or several. */
    public boolean hasSource() {
        return !source.equals(NoSource.ABSENT) || hasSeveralSources();
    }

    /** Whether the pair names several sources. */
    public boolean hasSeveralSources() {
        return !sources.isEmpty();
    }

    /** The names of its sources: the one, the several, or none. */
    public List<String> sourceNames() {
        return hasSeveralSources() ? sources : hasSource() ? List.of(source) : List.of();
    }

    /** What the pair contributes to a config's digest; a single-source pair's is what it was before several sources. */
    public String canonical() {
        return hasSeveralSources() ? "PairEntry[sources=" + sources + ", target=" + target + "]"
                : "PairEntry[source=" + source + ", target=" + target + "]";
    }
}
