package org.transferlab.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.core.plugin.Plugins;

/** {@code pairs: [{sources: [a, b], target: t}]}: what binds, what is refused and how it says so. */
class SeveralSourcesConfigTest {
    private static final String STUDY = """
            name: several
            seeds: 2
            domains:
              a: {loader: synthetic, classes: 3}
              b: {loader: synthetic, classes: 3, shift: 0.3}
              c: {loader: synthetic, classes: 3, shift: 0.6}
              t: {loader: synthetic, classes: 3, shift: 0.5}
            pairs:
              - %s
            network: {type: mlp, hidden: [8], epochs: 1}
            strategies: {target-only: {}, fine-tuning: {}}
            budgets: {per-class: [5, 10]}
            """;

    private final ConfigLoader loader = new ConfigLoader(Plugins.discover());

    private ExperimentConfig parse(String pairs) {
        return loader.parse("study.yaml", STUDY.formatted(pairs));
    }

    private String error(String pairs) {
        return assertThrows(ConfigException.class, () -> parse(pairs)).getMessage();
    }

    @Test
    void aPairOfSeveralSourcesBindsAndIsStudiedAsEachSourceAndAllTogether() {
        ExperimentConfig config = parse("{sources: [a, b, c], target: t}");
        PairEntry pair = config.pairs().get(0);
        assertEquals(List.of("a", "b", "c"), pair.sourceNames());
        assertEquals("a + b + c → t", pair.label());
        assertEquals(4, config.studiedPairs(), "a, b and c alone, then together");
        assertEquals(4 * 2 * 2 * 2, config.cellCount());
    }

    @Test
    void aSinglePairKeepsTheDigestItHadBeforeSeveralSources() {
        assertTrue(parse("{source: a, target: t}").canonical().contains("\npair=PairEntry[source=a, target=t]\n"));
        assertTrue(parse("{sources: [a, b], target: t}").canonical().contains("\npair=PairEntry[sources=[a, b], target=t]\n"));
    }

    @Test
    void badListsOfSourcesAreRefusedNamingTheKeyAndWhatWasExpected() {
        assertEquals("study.yaml:9: 'pairs[0]' gives both 'source' and 'sources'; give 'source: A' for one source or "
                + "'sources: [A, B]' for several", error("{source: a, sources: [b, c], target: t}"));
        assertEquals("study.yaml:9: key 'pairs[0].sources' lists one source; give 'source: a' for a single source, or at "
                + "least two under 'sources'", error("{sources: [a], target: t}"));
        assertEquals("study.yaml:9: key 'pairs[0].sources' lists a source twice: [a, b, a]", error("{sources: [a, b, a], target: t}"));
        assertTrue(error("{sources: [a, nope], target: t}").startsWith("study.yaml:9: key 'pairs[0].sources': no domain 'nope'; "
                + "declared domains: a, b, c, t"), error("{sources: [a, nope], target: t}"));
        assertEquals("study.yaml:9: 'pairs[0]': source and target are the same domain 't'", error("{sources: [a, t], target: t}"));
        assertTrue(error("{sources: a, target: t}").contains("pairs[0].sources"), error("{sources: a, target: t}"));
    }

    @Test
    void aSourceStudiedTwiceForOneTargetIsRefused() {
        assertEquals("study.yaml:10: 'pairs[1]': pair a → t is studied by pairs[0] already (a pair of several sources "
                + "studies each source on its own as well); list it once",
                error("{sources: [a, b], target: t}\n  - {source: a, target: t}"));
        assertEquals("study.yaml:10: 'pairs[1]': pair b → t is studied by pairs[0] already (a pair of several sources "
                + "studies each source on its own as well); list it once",
                error("{sources: [a, b], target: t}\n  - {sources: [c, b], target: t}"));
        parse("{sources: [a, b], target: t}\n  - {source: a, target: c}");
    }
}
