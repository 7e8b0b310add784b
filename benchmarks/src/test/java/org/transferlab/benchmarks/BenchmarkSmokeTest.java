package org.transferlab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.format.OutputFormatFactory;

/**
 * Runs every JMH benchmark once, in this JVM, with one very short iteration, no warm-up and the
 * smallest parameters, so that a benchmark that no longer compiles against the code or throws is
 * caught by the test command. It measures nothing: benchmarks/run.sh does.
 */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsAndProducesAResult() throws RunnerException {
        Set<String> declared = BenchmarkList.defaultList()
                .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), java.util.List.of(".*"),
                        java.util.List.of())
                .stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(declared.size() >= 15, "expected the whole benchmark list, found " + declared);

        Options options = new OptionsBuilder()
                .include("org\\.transferlab\\.benchmarks\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(1))
                .param("network", "mlp", "cnn")
                .param("batchSize", "64")
                .param("threads", "1")
                .param("images", "128")
                .param("perClass", "5")
                .param("labels", "100")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, Double> scores = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            scores.merge(name, score, Math::min);
            assertTrue(Double.isFinite(score) && score > 0, name + " " + result.getParams() + " scored " + score);
        }
        assertEquals(declared, scores.keySet(), "every declared benchmark produces a result");
        assertFalse(scores.isEmpty());
    }
}
