package org.transferlab.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.transferlab.core.PackageGraph;

/**
 * The package graph of the transfer module's compiled classes (so inline fully qualified names count, not only
 * imports): the SPI package and the network engine depend on no strategy family, and the engine not on the SPI, so
 * that the engine can change behind its own types and a strategy family can be read (or left out) on its own.
 */
class PackageGraphTest {
    private static final String ROOT = "org.transferlab.transfer";
    private static final Set<String> FAMILIES = Set.of("adaptation", "alignment", "baseline", "boosting", "clustering", "head", "multisource",
            "network", "pretrained", "regression", "weighting");

    @Test
    void theSpiAndTheEngineDependOnNoStrategyFamilyAndTheEngineOnNoSpi() {
        SortedMap<String, SortedSet<String>> dependencies = PackageGraph.ofClasses(Path.of("target/classes")).dependencies();
        Map<String, Set<String>> wrong = new TreeMap<>();
        for (String from : Set.of(ROOT, ROOT + ".engine")) {
            for (String to : dependencies.getOrDefault(from, new TreeSet<>())) {
                boolean family = to.startsWith(ROOT + ".") && FAMILIES.contains(to.substring(ROOT.length() + 1).split("\\.")[0]);
                boolean spiFromEngine = from.equals(ROOT + ".engine") && to.equals(ROOT);
                if (family || spiFromEngine) {
                    wrong.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        assertEquals(Map.of(), wrong);
    }
}
