package org.transferlab.experiments.reproduce.yosinski;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.experiments.reproduce.ReproductionFixtures;
import org.transferlab.experiments.reproduce.ReproductionRunner;
import org.transferlab.experiments.run.CsvRows;

/** Runs the Yosinski reproduction at a tiny size on fixture images: the pipeline, not the paper's numbers. */
class Yosinski2014Test {
    @TempDir
    Path dir;

    private static final Yosinski2014.Settings TINY = new Yosinski2014.Settings(2, 1, 12, 6, List.of(8, 8, 8), 2, 16, 0.01, 7);

    @Test
    void writesEveryNetworkTheFigureAndTheThreeClaims() throws Exception {
        ReproductionRunner runner = ReproductionFixtures.runner(dir, 12, 6);
        ReproductionRunner.Outcome outcome = runner.run(new Yosinski2014(), TINY, ReproductionFixtures.invocation("yosinski2014"));

        Path folder = dir.resolve("results/yosinski2014");
        assertEquals(folder, outcome.folder());
        String report = ReproductionFixtures.checkReport(folder, 3);
        assertTrue(report.contains("figure2.png") && report.contains("figure2-means.png"), report);

        List<java.util.Map<String, String>> rows = CsvRows.read(folder.resolve("networks.csv"));
        // Per repetition: baseB, then AnB, AnB+, BnB, BnB+ at n = 1..3.
        assertEquals(2 * (1 + 4 * 3), rows.size());
        assertEquals(Set.of("baseB", "BnB", "BnB+", "AnB", "AnB+"), rows.stream().map(r -> r.get("network")).collect(Collectors.toSet()));
        for (var row : rows) {
            double accuracy = Double.parseDouble(row.get("accuracy"));
            assertTrue(accuracy >= 0 && accuracy <= 1, row.toString());
            Set<String> a = Set.of(row.get("a_classes").split(" "));
            Set<String> b = Set.of(row.get("b_classes").split(" "));
            assertEquals(5, a.size());
            assertEquals(5, b.size());
            assertTrue(a.stream().noneMatch(b::contains), "A and B share a class: " + row);
        }
        assertEquals(2, rows.stream().map(r -> r.get("a_classes")).distinct().count(), "the two splits must differ");
        assertTrue(Files.isRegularFile(folder.resolve("means.csv")));

        // Every network is a cell of one ordinary study, run by the harness: its config, results and report are kept.
        Path study = folder.resolve(Yosinski2014.STUDY);
        for (String file : List.of("config.yaml", "results.csv", "report.md")) {
            assertTrue(Files.isRegularFile(study.resolve(file)), "no " + file + " in " + study);
        }
        List<java.util.Map<String, String>> cells = CsvRows.read(study.resolve("results.csv"));
        assertEquals(rows.size(), cells.stream().filter(r -> r.get("status").equals("ok")).count(), cells.toString());
        assertTrue(cells.stream().allMatch(r -> r.get("target").startsWith("b") && r.get("source").startsWith("a")), cells.toString());
    }

    @Test
    void sameSettingsGiveTheSameNetworks() throws Exception {
        ReproductionRunner runner = ReproductionFixtures.runner(dir, 12, 6);
        runner.run(new Yosinski2014(), TINY, ReproductionFixtures.invocation("yosinski2014"));
        String first = Files.readString(dir.resolve("results/yosinski2014/means.csv"));
        runner.run(new Yosinski2014(), TINY, ReproductionFixtures.invocation("yosinski2014"));
        assertEquals(first, Files.readString(dir.resolve("results/yosinski2014/means.csv")));
    }

    @Test
    void settingsNeedMiddleLayersAndRepetitions() {
        assertThrows(IllegalArgumentException.class, () -> new Yosinski2014.Settings(2, 1, 12, 6, List.of(8, 8), 2, 16, 0.01, 7));
        assertThrows(IllegalArgumentException.class, () -> new Yosinski2014.Settings(1, 1, 12, 6, List.of(8, 8, 8), 2, 16, 0.01, 7));
    }
}
