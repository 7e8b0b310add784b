package org.transferlab.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the transfer module's main sources, from their imports: the SPI package and the network
 * engine import no strategy family, and the engine does not import the SPI, so that the engine can change behind
 * its own types and a strategy family can be read (or left out) on its own.
 */
class PackageGraphTest {
    private static final String ROOT = "org.transferlab.transfer";
    private static final Set<String> FAMILIES = Set.of("alignment", "baseline", "clustering", "head", "network", "pretrained",
            "regression");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([a-z][\\w]*(?:\\.[a-z][\\w]*)*)\\.[A-Z*]",
            Pattern.MULTILINE);

    @Test
    void theSpiAndTheEngineImportNoStrategyFamilyAndTheEngineNoSpi() {
        Map<String, Set<String>> imports = importsByPackage(Path.of("src/main/java"));
        Map<String, Set<String>> wrong = new TreeMap<>();
        for (String from : Set.of(ROOT, ROOT + ".engine")) {
            for (String to : imports.getOrDefault(from, Set.of())) {
                boolean family = to.startsWith(ROOT + ".") && FAMILIES.contains(to.substring(ROOT.length() + 1).split("\\.")[0]);
                boolean spiFromEngine = from.equals(ROOT + ".engine") && to.equals(ROOT);
                if (family || spiFromEngine) {
                    wrong.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        assertEquals(Map.of(), wrong);
    }

    static Map<String, Set<String>> importsByPackage(Path sources) {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher name = PACKAGE.matcher(text);
                if (!name.find()) {
                    continue;
                }
                Set<String> to = imports.computeIfAbsent(name.group(1), k -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(text);
                while (imported.find()) {
                    if (imported.group(1).startsWith("org.transferlab.") && !imported.group(1).equals(name.group(1))) {
                        to.add(imported.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports;
    }
}
