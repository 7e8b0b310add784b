package org.transferlab.transfer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.core.PackageGraph;

/** The transfer module's packages, read from its compiled classes, depend on each other without a cycle. */
class NoPackageCyclesTest {
    @Test
    void theCompiledPackagesFormNoCycle() {
        List<String> cycles = PackageGraph.ofClasses(Path.of("target/classes")).cycles();
        assertTrue(cycles.isEmpty(), () -> String.join("\n", cycles));
    }
}
