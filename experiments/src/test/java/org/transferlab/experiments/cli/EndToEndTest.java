package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.loader.fashion.FashionMnistFiles;

/** Runs the command line as a user would, on tiny grids, and checks what it leaves on disk. */
public class EndToEndTest {
    public static final String SYNTHETIC = """
            name: tiny
            seeds: 2
            overfit-min-validation: 5
            domains:
              src: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90}
              tgt: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90, shift: 0.5, sample-seed: 9}
            pairs:
              - {source: src, target: tgt}
            network: {type: mlp, hidden: [8], epochs: 1, batch-size: 32, learning-rate: 0.01}
            strategies:
              target-only: {max-epochs: 4, patience: 2}
              feature-extraction: {max-epochs: 4, patience: 2}
              fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}
            budgets:
              per-class: [5, 10]
            """;

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Path config(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        }
    }

    @Test
    void aSyntheticStudyWritesResultsAndReportAndIsReproducible() throws IOException {
        Path config = config("tiny.yaml", SYNTHETIC);
        Result first = cli("run", config.toString(), "--out", dir.resolve("first").toString(), "--data-dir", dir.toString(),
                "--no-cache");
        assertEquals(0, first.exitCode(), first.err());

        List<CSVRecord> rows = rows(dir.resolve("first/results.csv"));
        assertEquals(12, rows.size(), "1 pair x 3 strategies x 2 budgets x 2 seeds");
        for (String column : List.of("source", "target", "strategy", "budget", "seed", "accuracy", "macro_f1", "fit_s",
                "best_epoch", "sample_seed", "train_accuracy", "val_accuracy", "gap", "overfit")) {
            assertTrue(rows.get(0).isMapped(column), "results.csv lacks column " + column);
        }
        int judged = 0;
        for (CSVRecord row : rows) {
            if (Integer.parseInt(row.get("validation_size")) >= 5) {
                double gap = Double.parseDouble(row.get("train_accuracy")) - Double.parseDouble(row.get("val_accuracy"));
                assertEquals(gap, Double.parseDouble(row.get("gap")), 1e-12);
                assertEquals(Boolean.toString(gap > 0.15), row.get("overfit"), "the default overfit-gap is 0.15");
                judged++;
            } else {
                assertEquals("NaN", row.get("gap"), "fewer than overfit-min-validation (5) examples: not judged");
                assertEquals("n/a", row.get("overfit"));
            }
            double accuracy = Double.parseDouble(row.get("accuracy"));
            assertTrue(accuracy >= 0 && accuracy <= 1.0, "accuracy " + accuracy + " in " + row);
        }
        assertTrue(judged > 0 && judged < rows.size(), "both kinds of budget occur: " + judged + " of " + rows.size());
        // Every strategy of a (budget, seed) saw the same target labels.
        Map<String, List<String>> seedsByBudget = rows.stream().collect(Collectors.groupingBy(
                r -> r.get("budget") + "/" + r.get("seed"), Collectors.mapping(r -> r.get("sample_seed"), Collectors.toList())));
        seedsByBudget.values().forEach(seeds -> assertEquals(1, seeds.stream().distinct().count()));
        assertEquals(2, rows.stream().filter(r -> r.get("source_trained").equals("true")).count(),
                "one source model per seed, reused by the other transfer cells");

        String report = Files.readString(dir.resolve("first/report.md"));
        assertTrue(report.contains("### src → tgt"), report);
        assertTrue(report.contains("| 5/class | fine-tuning |"), report);
        assertTrue(report.contains("Δ vs baseline"), report);
        assertTrue(report.contains("## Cost"), report);
        assertTrue(report.contains("| train−val gap | overfit |"), report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("| src → tgt | 10/class | feature-extraction | ")), report);
        assertTrue(first.out().contains("| 10/class | target-only |"), "the table is printed too");
        assertTrue(Files.exists(dir.resolve("first/config.yaml")));
        try (Stream<Path> curves = Files.list(dir.resolve("first/curves"))) {
            assertEquals(12 + 2, curves.filter(p -> p.toString().endsWith(".csv")).count(),
                    "a learning curve per cell and per source model");
        }
        assertTrue(Files.exists(dir.resolve("first/curves/" + rows.get(0).get("cell_id") + ".png")), "and its figure");
        assertTrue(report.contains("![accuracy against label budget, src → tgt](plots/budget-src-to-tgt.png)"), report);
        for (String figure : List.of("budget-src-to-tgt", "gain-src-to-tgt")) {
            byte[] png = Files.readAllBytes(dir.resolve("first/plots/" + figure + ".png"));
            assertEquals((byte) 0x89, png[0], figure + ".png is a PNG");
            assertEquals('P', png[1]);
            assertTrue(Files.readString(dir.resolve("first/plots/" + figure + ".svg")).contains("<svg"), figure + ".svg is an SVG");
        }

        Result second = cli("run", config.toString(), "--out", dir.resolve("second").toString(), "--data-dir", dir.toString(),
                "--no-cache");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(RunLifecycleTest.results(dir.resolve("first")), RunLifecycleTest.results(dir.resolve("second")));
    }

    @Test
    void aSmallFashionMnistStudyRunsOnTheRealData() throws IOException {
        assertTrue(Files.isDirectory(FashionMnistFiles.DEBIAN_LOCATION),
                "the Debian package dataset-fashion-mnist is needed; ./transferlab and .ci/run install it");
        Path config = config("fmnist.yaml", """
                name: fmnist-small
                seeds: 1
                domains:
                  upright: {loader: fashion-mnist, classes: [0, 1, 2], train-per-class: 300, test-per-class: 100}
                  rotated: {loader: fashion-mnist, classes: [0, 1, 2], rotation: 30, train-per-class: 300, test-per-class: 100}
                pairs:
                  - {source: upright, target: rotated}
                network: {type: mlp, hidden: [32], epochs: 1, batch-size: 32}
                strategies:
                  target-only: {max-epochs: 5, patience: 2}
                  fine-tuning: {max-epochs: 5, patience: 2}
                budgets:
                  per-class: [10]
                """);
        Result result = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        List<CSVRecord> rows = rows(dir.resolve("run/results.csv"));
        assertEquals(2, rows.size());
        for (CSVRecord row : rows) {
            assertEquals("first-half", row.get("source_share"), "same classes: the source gets one half of the images");
            assertEquals("second-half", row.get("target_share"), "and the target the other");
            assertEquals("300", row.get("test_size"));
            assertTrue(Double.parseDouble(row.get("accuracy")) > 0.5, row.toString());
        }
        assertTrue(Files.readString(dir.resolve("run/report.md")).contains("### upright → rotated"));
    }

    @Test
    void csvDomainsSelectedByAFilterRunThroughTheSameHarness() throws IOException {
        StringBuilder csv = new StringBuilder("site,x1,x2,x3,label\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        String[] labels = {"low", "mid", "high"};
        for (int i = 0; i < 240; i++) {
            String site = i % 2 == 0 ? "north" : "south";
            int cls = (i / 2) % 3;
            double offset = site.equals("south") ? 0.7 : 0;
            csv.append(site).append(',').append(3 * cls + offset + random.nextGaussian()).append(',')
                    .append(-2 * cls + random.nextGaussian()).append(',').append(random.nextGaussian()).append(',')
                    .append(labels[cls]).append('\n');
        }
        Files.writeString(dir.resolve("sites.csv"), csv);
        Path config = config("csv.yaml", """
                name: sites
                seeds: 1
                domains:
                  north: {loader: csv, file: sites.csv, target: label, features: [x1, x2, x3], filter: site = north}
                  south: {loader: csv, file: sites.csv, target: label, features: [x1, x2, x3], filter: site = south}
                pairs: [{source: north, target: south}]
                network: {hidden: [8], epochs: 2, batch-size: 16, learning-rate: 0.01}
                strategies:
                  target-only: {max-epochs: 5, patience: 2}
                  feature-extraction: {max-epochs: 5, patience: 2}
                budgets: {per-class: [4]}
                """);
        Result result = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        List<CSVRecord> rows = rows(dir.resolve("run/results.csv"));
        assertEquals(2, rows.size());
        assertEquals("all", rows.get(0).get("target_share"), "different filters: different rows, no halves needed");
        assertEquals("35", rows.get(0).get("test_size"), "the south rows among the file's 72 held-out rows (round(0.3 * 80) "
                + "of each label, drawn over all 240 rows with split-seed 0)");
    }

    @Test
    void aTribuoHeadReusesTheTargetEmbeddingsAndKeepsItsModelProvenance() throws IOException {
        Path config = config("tribuo.yaml", SYNTHETIC
                .replace("  feature-extraction: {max-epochs: 4, patience: 2}\n", "  tribuo-head: {classifier: logistic}\n")
                .replace("  fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}\n", ""));
        Result result = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", dir.toString(),
                "--no-cache", "--workers", "1");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("target embeddings: 2 computed, 2 reuses"), "one per source model, reused across budgets: "
                + result.out());
        List<CSVRecord> rows = rows(dir.resolve("run/results.csv"));
        for (CSVRecord row : rows) {
            Path provenance = dir.resolve("run/cells/" + row.get("cell_id") + ".tribuo.txt");
            if (row.get("strategy").equals("tribuo-head")) {
                assertTrue(Files.readString(provenance).contains("LibLinearClassificationTrainer"), provenance.toString());
            } else {
                assertFalse(Files.exists(provenance), "no Tribuo model, no Tribuo provenance");
            }
        }
    }

    @Test
    void dataFetchCopiesAVerifiedDataSetIntoTheDataDirectory() throws IOException {
        Path data = dir.resolve("data");
        for (int attempt = 0; attempt < 2; attempt++) {
            Result result = cli("data", "fetch", "fashion-mnist", "--data-dir", data.toString());
            assertEquals(0, result.exitCode(), result.err());
            assertTrue(result.out().contains("fashion-mnist: " + data.resolve("fashion-mnist")), result.out());
        }
        for (String file : List.of(FashionMnistFiles.TRAIN_IMAGES, FashionMnistFiles.TRAIN_LABELS,
                FashionMnistFiles.TEST_IMAGES, FashionMnistFiles.TEST_LABELS)) {
            assertTrue(Files.size(data.resolve("fashion-mnist").resolve(file)) > 0, file);
        }
        Result unknown = cli("data", "fetch", "imagenet");
        assertEquals(TransferLabCommand.USER_ERROR, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown data set 'imagenet'; known data sets: auto-mpg, diabetes, fashion-mnist, penguins"), unknown.err());
    }

    @Test
    void withOneLabelPerClassThereIsNoValidationSplitAndTheResultSaysSo() throws IOException {
        Path config = config("one.yaml", SYNTHETIC.replace("per-class: [5, 10]", "per-class: [1]")
                .replace("  feature-extraction: {max-epochs: 4, patience: 2}\n", "")
                .replace("  fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}\n", ""));
        Result result = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        for (CSVRecord row : rows(dir.resolve("run/results.csv"))) {
            assertEquals("3", row.get("train_size"));
            assertEquals("0", row.get("validation_size"));
            assertEquals("training loss (no validation split)", row.get("early_stopping"));
            assertEquals("n/a", row.get("overfit"));
        }
    }

    @Test
    void aStrategyThatDoesNotApplyIsReportedAsSuchNotAsANumber() throws IOException {
        Path config = config("labels.yaml", """
                name: label-spaces
                seeds: 1
                domains:
                  src: {loader: synthetic, classes: 4, features: 8, train-size: 400, test-size: 90}
                  tgt: {loader: synthetic, classes: 3, features: 8, train-size: 300, test-size: 90, shift: 0.3, sample-seed: 9}
                pairs: [{source: src, target: tgt}]
                network: {hidden: [8], epochs: 1, batch-size: 32, learning-rate: 0.01}
                strategies:
                  target-only: {max-epochs: 4, patience: 2}
                  source-only: {}
                  pooled: {source-examples: 200, max-epochs: 3, patience: 2}
                  oracle: {max-epochs: 4, patience: 2}
                budgets: {per-class: [5]}
                """);
        Result result = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        Map<String, CSVRecord> byStrategy = rows(dir.resolve("run/results.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("strategy"), r -> r));
        assertEquals("not applicable: source classes [class-0, class-1, class-2, class-3] are not the target's "
                + "[class-0, class-1, class-2]", byStrategy.get("source-only").get("status"));
        assertEquals("NaN", byStrategy.get("source-only").get("accuracy"));
        assertEquals("ok", byStrategy.get("pooled").get("status"));
        double pooled = Double.parseDouble(byStrategy.get("pooled").get("accuracy"));
        assertTrue(pooled >= 0 && pooled <= 1, "pooled predicts among the target's classes only");
        String report = Files.readString(dir.resolve("run/report.md"));
        assertTrue(report.contains("## Not applicable\n\n- `source-only` on src → tgt: source classes"), report);
        assertFalse(report.contains("| 5/class | source-only |"), "no number for a strategy that does not apply");
        CSVRecord oracle = byStrategy.get("oracle");
        assertEquals(300, Integer.parseInt(oracle.get("train_size")) + Integer.parseInt(oracle.get("validation_size")),
                "the oracle sees the whole train partition");
        String main = report.substring(0, report.indexOf("## Upper reference"));
        assertFalse(main.contains("| oracle |"), "the oracle is not among the compared strategies");
        assertTrue(report.substring(report.indexOf("## Upper reference")).contains("| 5/class | oracle |"), report);
    }

    @Test
    void atBudgetZeroOnlyStrategiesWithoutTargetLabelsProduceResults() throws IOException {
        Path config = config("zero.yaml", SYNTHETIC.replace("per-class: [5, 10]", "per-class: [0, 5]")
                .replace("seeds: 2", "seeds: 1")
                .replace("  feature-extraction: {max-epochs: 4, patience: 2}\n", "  coral: {}\n")
                .replace("  fine-tuning: {max-epochs: 4, patience: 2, learning-rate: 0.01}\n", ""));
        Result result = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        for (CSVRecord row : rows(dir.resolve("run/results.csv"))) {
            boolean zero = row.get("budget").equals("0");
            if (row.get("strategy").equals("target-only") && zero) {
                assertEquals("not applicable: it needs target labels, and the budget has none", row.get("status"));
            } else {
                assertEquals("ok", row.get("status"), row.toString());
                assertEquals(zero ? "0" : "12", row.get("train_size"));
            }
        }
    }

    @Test
    void validateChecksWithoutWritingAnything() throws IOException {
        Path config = config("tiny.yaml", SYNTHETIC);
        Result result = cli("validate", config.toString(), "--data-dir", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("valid; 12 cells"), result.out());
    }

    @Test
    void aBadConfigExitsNonZeroNamingTheLineAndWritesNothing() throws IOException {
        Path config = config("typo.yaml", SYNTHETIC.replace("seeds: 2", "sedes: 2"));
        Path out = dir.resolve("out");
        Result result = cli("run", config.toString(), "--out", out.toString());
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode());
        assertTrue(result.err().startsWith("error: " + config + ":2: unknown key 'sedes' (did you mean 'seeds'?)"), result.err());
        assertFalse(Files.exists(out));
        assertNoStagingLeft();
    }

    @Test
    void anUnknownStrategyExitsNonZeroListingTheKnownOnes() throws IOException {
        Path config = config("unknown.yaml", SYNTHETIC.replace("  fine-tuning: {max", "  fine-tunning: {max"));
        Result result = cli("validate", config.toString());
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode());
        String known = String.join(", ", org.transferlab.transfer.StrategyBindings.registry(
                org.transferlab.core.plugin.Plugins.discover()).names());
        assertTrue(result.err().contains("unknown strategy 'fine-tunning'; known classification strategies: " + known),
                result.err());
    }

    @Test
    void aCorruptDataFileFailsTheRunAndLeavesNoHalfWrittenResults() throws IOException {
        assertTrue(Files.isDirectory(FashionMnistFiles.DEBIAN_LOCATION), "the Debian package dataset-fashion-mnist is needed");
        Path data = dir.resolve("data");
        Path files = Files.createDirectories(data.resolve("fashion-mnist"));
        for (String name : List.of(FashionMnistFiles.TRAIN_IMAGES, FashionMnistFiles.TRAIN_LABELS, FashionMnistFiles.TEST_IMAGES)) {
            Files.copy(FashionMnistFiles.DEBIAN_LOCATION.resolve(name), files.resolve(name));
        }
        byte[] labels = Files.readAllBytes(FashionMnistFiles.DEBIAN_LOCATION.resolve(FashionMnistFiles.TEST_LABELS));
        Files.write(files.resolve(FashionMnistFiles.TEST_LABELS), java.util.Arrays.copyOf(labels, labels.length / 2));
        Path config = config("corrupt.yaml", """
                name: corrupt
                seeds: 1
                domains:
                  a: {loader: fashion-mnist, classes: [0, 1]}
                  b: {loader: fashion-mnist, classes: [2, 3]}
                pairs: [{source: a, target: b}]
                network: {hidden: [8], epochs: 1}
                strategies: {target-only: {}}
                budgets: {per-class: [2]}
                """);
        Path out = dir.resolve("out");
        Result result = cli("run", config.toString(), "--out", out.toString(), "--data-dir", data.toString());
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode(), result.err());
        assertTrue(result.err().contains(files.resolve(FashionMnistFiles.TEST_LABELS) + ": "), result.err());
        assertTrue(result.err().contains(": truncated"), result.err());
        assertFalse(Files.exists(out));
        assertNoStagingLeft();
    }

    @Test
    void aBudgetLargerThanTheDataFailsBeforeTraining() throws IOException {
        Path config = config("big.yaml", SYNTHETIC.replace("per-class: [5, 10]", "per-class: [5, 1000]"));
        Path out = dir.resolve("out");
        Result result = cli("run", config.toString(), "--out", out.toString(), "--data-dir", dir.toString());
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode());
        assertTrue(result.err().contains("budget 1000/class is larger than the 100 training examples of class 'class-0' in domain 'tgt'"),
                result.err());
        assertFalse(result.err().contains("training the source model"), "nothing was trained");
        assertFalse(Files.exists(out));
        assertNoStagingLeft();
    }

    @Test
    void noCommandIsAUsageError() {
        Result result = cli();
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode());
        assertTrue(result.err().contains("name a command: run, validate, report, merge, list, data, reproduce or slurm"), result.err());
    }

    @Test
    void aRunDirectoryWithResultsIsNotOverwritten() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("results.csv"), "precious");
        Result result = cli("run", config("tiny.yaml", SYNTHETIC).toString(), "--out", out.toString());
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode());
        assertEquals("precious", Files.readString(out.resolve("results.csv")));
    }

    private void assertNoStagingLeft() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(List.of(), entries.filter(p -> p.getFileName().toString().contains(".partial-")).toList());
        }
    }
}
