package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.experiments.run.CsvRows;

/**
 * A study of a pair with two sources, run through the command line: each source alone and both together, on the
 * same target labels, with {@code best-source} and {@code source-ensemble} using the sources apart.
 */
class SeveralSourcesStudyTest {
    private static final String STUDY = """
            name: two-sources
            seeds: 2
            domains:
              near: {loader: synthetic, classes: 3, features: 6, train-size: 300, test-size: 90, separation: 3, shift: 0.2, sample-seed: 1}
              far: {loader: synthetic, classes: 3, features: 6, train-size: 300, test-size: 90, separation: 3, shift: 1.5, sample-seed: 2}
              tgt: {loader: synthetic, classes: 3, features: 6, train-size: 300, test-size: 90, separation: 3, shift: 0.4, sample-seed: 3}
            pairs:
              - {sources: [near, far], target: tgt}
            network: {type: mlp, hidden: [8], epochs: 3, batch-size: 32, learning-rate: 0.01}
            strategies:
              target-only: {}
              fine-tuning: {max-epochs: 20, learning-rate: 0.01}
              pooled: {}
              best-source: {max-epochs: 20, learning-rate: 0.01}
              source-ensemble: {max-epochs: 20, learning-rate: 0.01}
            budgets:
              per-class: [0, 10]
            """;

    @TempDir
    Path dir;

    private List<Map<String, String>> run() throws IOException {
        Path config = Files.writeString(dir.resolve("study.yaml"), STUDY);
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"run", config.toString(), "--out", dir.resolve("run").toString(),
                "--no-cache"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return CsvRows.read(dir.resolve("run/results.csv"));
    }

    private static String key(Map<String, String> row) {
        return row.get("budget") + "/" + row.get("seed");
    }

    @Test
    void eachSourceAloneAndBothTogetherAreStudiedOnTheSameLabelsAndBestSourceIsFineTuningOfTheSourceItKept()
            throws IOException {
        List<Map<String, String>> rows = run();
        assertEquals(Map.of("near", 20L, "far", 20L, "near+far", 20L),
                rows.stream().collect(Collectors.groupingBy(r -> r.get("source"), Collectors.counting())));
        assertEquals(1, rows.stream().map(r -> r.get("target_share")).distinct().count(), "one target share for the whole pair");

        // target-only reads no source: the same budget draw and fit seed give it the same score on every pair.
        Map<String, Set<String>> targetOnly = rows.stream().filter(r -> r.get("strategy").equals("target-only")
                && r.get("status").equals("ok")).collect(Collectors.groupingBy(SeveralSourcesStudyTest::key,
                Collectors.mapping(r -> r.get("accuracy"), Collectors.toSet())));
        assertEquals(2, targetOnly.size());
        targetOnly.values().forEach(scores -> assertEquals(1, scores.size(), "paired: " + targetOnly));

        for (String strategy : List.of("best-source", "source-ensemble")) {
            for (Map<String, String> row : rows.stream().filter(r -> r.get("strategy").equals(strategy)).toList()) {
                boolean applies = row.get("source").equals("near+far") && !row.get("budget").equals("0");
                assertEquals(applies, row.get("status").equals("ok"), row.toString());
            }
        }

        // best-source keeps one source's fine-tuned model: exactly fine-tuning's result on that source's own pair.
        for (Map<String, String> best : rows.stream().filter(r -> r.get("strategy").equals("best-source")
                && r.get("status").equals("ok")).toList()) {
            String provenance = Files.readString(dir.resolve("run/cells/" + best.get("cell_id") + ".tribuo.txt"));
            String kept = provenance.replaceAll("(?s).*kept source (\\S+) .*", "$1");
            assertTrue(Set.of("near", "far").contains(kept), provenance);
            Map<String, String> fineTuned = rows.stream().filter(r -> r.get("strategy").equals("fine-tuning")
                    && r.get("source").equals(kept) && key(r).equals(key(best))).findFirst().orElseThrow();
            assertEquals(fineTuned.get("accuracy"), best.get("accuracy"), provenance);
            assertEquals(fineTuned.get("val_loss"), best.get("val_loss"));
        }
        String report = Files.readString(dir.resolve("run/report.md"));
        assertTrue(report.contains("near+far"), report);
        assertTrue(report.contains("3 pairs"), report);
        assertTrue(report.contains("## Several sources") && report.contains("| 10/class | best-source | n/a | n/a | "), report);
    }
}
