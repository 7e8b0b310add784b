package org.transferlab.experiments.reproduce.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;
import org.transferlab.experiments.reproduce.ReproductionFixtures;
import org.transferlab.experiments.reproduce.ReproductionRunner;
import org.transferlab.experiments.run.CsvRows;

/** Runs the Fashion-MNIST benchmark at a tiny size on fixture images: every classifier, the size study, the report. */
class FashionMnistBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void everyClassifierIsScoredBesideThePapersAccuracy() throws Exception {
        ReproductionRunner runner = ReproductionFixtures.runner(dir, 30, 10);
        FashionMnistBenchmark.Settings tiny = new FashionMnistBenchmark.Settings(200, 6, 1, List.of(), 3, 8, 10,
                "logistic-regression", List.of(100, 200), 3);
        runner.run(new FashionMnistBenchmark(), tiny, ReproductionFixtures.invocation("fashion-mnist-benchmark"));

        Path folder = dir.resolve("results/fashion-mnist-benchmark");
        // Seven classifiers, each against the paper, and the claim about which one is best.
        String report = ReproductionFixtures.checkReport(folder, 8);
        assertTrue(report.contains("accuracy.png") && report.contains("size-study.png"), report);
        assertTrue(report.contains("| SVC | C=10 kernel=rbf | 0.897 |"), report);

        List<Map<String, String>> rows = CsvRows.read(folder.resolve("benchmark.csv"));
        Set<String> classifiers = rows.stream().map(r -> r.get("classifier")).collect(Collectors.toSet());
        assertEquals(Set.of("rbf-svm", "gradient-boosting", "random-forest", "mlp", "knn", "logistic-regression", "linear-svm"),
                classifiers);
        // 7 main rows and the size study's extra size (100; 200 is the main run).
        assertEquals(8, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals("60", row.get("test_size"));
            double accuracy = Double.parseDouble(row.get("accuracy"));
            // The fixture's classes light different row bands: every classifier separates them far above chance.
            assertTrue(accuracy > 0.5, row.toString());
        }
        // Both studies ran through the harness, the target alone: configs, results and reports are kept.
        for (String study : List.of(FashionMnistBenchmark.STUDY, FashionMnistBenchmark.SIZE_STUDY)) {
            for (String file : List.of("config.yaml", "results.csv", "report.md")) {
                assertTrue(Files.isRegularFile(folder.resolve(study).resolve(file)), "no " + file + " in " + study);
            }
        }
        List<Map<String, String>> cells = CsvRows.read(folder.resolve(FashionMnistBenchmark.STUDY).resolve("results.csv"));
        assertEquals(7, cells.size());
        assertTrue(cells.stream().allMatch(r -> r.get("source").equals("(none)") && r.get("status").equals("ok")), cells.toString());
    }

    @Test
    void anUnknownClassifierIsNamedWithTheKnownOnes() throws Exception {
        ReproductionRunner runner = ReproductionFixtures.runner(dir, 5, 2);
        FashionMnistBenchmark.Settings settings = new FashionMnistBenchmark.Settings(20, 1, 1, List.of("svm"), 3, 8, 10, "",
                List.of(), 1);
        TransferLabException e = assertThrows(TransferLabException.class, () -> runner.run(new FashionMnistBenchmark(), settings,
                ReproductionFixtures.invocation("fashion-mnist-benchmark")));
        assertTrue(e.getMessage().contains("'svm'") && e.getMessage().contains("rbf-svm"), e.getMessage());
    }
}
