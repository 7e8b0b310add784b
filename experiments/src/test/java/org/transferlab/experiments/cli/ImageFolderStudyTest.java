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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleId;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.imagefolder.ImageFixtures;
import org.transferlab.core.loader.imagefolder.ImageFolderLoader;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.run.StudyRunner;

/**
 * Studies of image folders through the real command line: a tiny RGB study with a CNN runs and writes
 * its results, and two domains of one folder, or of folders that share images, are split apart and
 * proven disjoint by the images' identities, or refused when they are not.
 */
class ImageFolderStudyTest {
    private static final List<String> CLASSES = List.of("a", "b", "c", "d");

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

    /** A study of domains a (line 4) and b (line 5) of the data directory, a → b, with {@code network} and {@code strategies}. */
    private Path study(String a, String b, String network, String strategies) throws IOException {
        return Files.writeString(dir.resolve("study.yaml"), """
                name: images
                seeds: 1
                domains:
                  a: %s
                  b: %s
                pairs:
                  - {source: a, target: b}
                network: %s
                strategies: %s
                budgets: {per-class: [3]}
                """.formatted(a, b, network, strategies));
    }

    private Path study(String a, String b) throws IOException {
        return study(a, b, "{hidden: [4], epochs: 1}", "{target-only: {max-epochs: 1}}");
    }

    private Path data() {
        return dir.resolve("data");
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        }
    }

    @Test
    void aTinyRgbStudyWithACnnRunsTargetOnlyFeatureExtractionAndFineTuningAndWritesResults() throws IOException {
        ImageFixtures.folder(data().resolve("shapes"), CLASSES, 12, 12, "png");
        ImageFixtures.folder(data().resolve("photos"), CLASSES, 12, 16, "jpg", 20);
        Path config = study("{loader: image-folder, folder: shapes, classes: [a, b], width: 12, height: 12}",
                "{loader: image-folder, folder: photos, classes: [c, d], width: 12, height: 12}",
                "{type: cnn, hidden: [8], conv-filters: [4], epochs: 2, batch-size: 8, learning-rate: 0.01}",
                "{target-only: {max-epochs: 2}, feature-extraction: {max-epochs: 2}, fine-tuning: {max-epochs: 2}}");
        Result result = cli("run", config.toString(), "--out", dir.resolve("run").toString(), "--data-dir", data().toString(),
                "--no-cache");
        assertEquals(0, result.exitCode(), result.err());
        List<CSVRecord> rows = rows(dir.resolve("run/results.csv"));
        assertEquals(List.of("target-only", "feature-extraction", "fine-tuning"), rows.stream().map(r -> r.get("strategy")).toList());
        for (CSVRecord row : rows) {
            assertEquals("ok", row.get("status"), row.toString());
            double accuracy = Double.parseDouble(row.get("accuracy"));
            assertTrue(accuracy >= 0 && accuracy <= 1, row.toString());
            assertEquals("8", row.get("test_size"), "round(0.3 x 12) = 4 images of each of the target's two classes");
        }
        String provenance = Files.readString(dir.resolve("run/provenance.csv"));
        assertTrue(provenance.contains("folder-sha256"), provenance);
        assertTrue(provenance.contains("images-resized"), provenance);
        assertTrue(Files.readString(dir.resolve("run/report.md")).contains("### a → b"));
    }

    private Domain prepared(String key) {
        StudyRunner.Prepared prepared = new StudyRunner(data(), message -> { })
                .prepare(new ConfigLoader(Plugins.discover()).load(dir.resolve("study.yaml")));
        return prepared.domains().get(key);
    }

    private static Set<ExampleId> ids(Examples examples) {
        Set<ExampleId> ids = new HashSet<>();
        for (int i = 0; i < examples.size(); i++) {
            ids.add(examples.ids().orElseThrow().get(i));
        }
        return ids;
    }

    private static Set<ExampleId> common(Set<ExampleId> a, Set<ExampleId> b) {
        Set<ExampleId> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    @Test
    void domainsOfOneFolderWithDisjointClassesReadAllTheirImagesAndAreProvenDisjoint() throws IOException {
        ImageFixtures.folder(data().resolve("shapes"), CLASSES, 10, 8, "png");
        study("{loader: image-folder, folder: shapes, classes: [a, b], width: 8, height: 8}",
                "{loader: image-folder, folder: ./shapes, classes: [c, d], channels: 1, width: 6, height: 6}");
        assertEquals(0, cli("validate", dir.resolve("study.yaml").toString(), "--data-dir", data().toString()).exitCode());
        Domain source = prepared("a@all");
        Domain target = prepared("b@all");
        assertEquals(14, source.train().size(), "no halves: the classes are disjoint");
        assertEquals(FeatureShape.image(1, 6, 6), target.shape());
        assertEquals(Set.of(), common(ids(source.train()), ids(target.test().open())));
        assertEquals(Set.of(), common(ids(source.train()), ids(target.train())));
    }

    @Test
    void domainsOfOneFolderWithCommonClassesGetDisjointHalvesAndNeverEachOthersTestImages() throws IOException {
        ImageFixtures.splitFolder(data().resolve("split"), CLASSES, 12, 4, 8);
        study("{loader: image-folder, folder: split, classes: [a, b, c], width: 8, height: 8}",
                "{loader: image-folder, folder: split, classes: [b, c, d], channels: 1, width: 8, height: 8}");
        assertEquals(0, cli("validate", dir.resolve("study.yaml").toString(), "--data-dir", data().toString()).exitCode());
        Domain source = prepared("a@first-half");
        Domain target = prepared("b@second-half");
        assertEquals(18, source.train().size(), "half of each class's 12 train images");
        assertEquals(18, target.train().size());
        assertEquals(12, target.test().size(), "the test folder's images of b, c and d");
        assertEquals(Set.of(), common(ids(source.train()), ids(target.train())), "the halves are disjoint");
        assertEquals(Set.of(), common(ids(source.train()), ids(target.test().open())));
    }

    @Test
    void aCopyOfTheFolderSplitWithAnotherSeedIsRefusedByTheImagesIdentities() throws IOException {
        ImageFixtures.folder(data().resolve("shapes"), CLASSES, 20, 8, "png");
        ImageFixtures.folder(data().resolve("copy"), CLASSES, 20, 8, "png");
        study("{loader: image-folder, folder: shapes, classes: [a, b], width: 8, height: 8}",
                "{loader: image-folder, folder: copy, classes: [a, b], width: 8, height: 8, split-seed: 1}");
        ImageFolderLoader loader = new ImageFolderLoader();
        Domain source = loader.load("a", new ImageFolderLoader.Parameters("shapes", List.of("a", "b"), 3, 8, 8,
                ImageFolderLoader.MismatchedSizes.ERROR, 0.3, 0, TaskType.CLASSIFICATION), LoadContext.of(data()));
        Domain target = loader.load("b", new ImageFolderLoader.Parameters("copy", List.of("a", "b"), 3, 8, 8,
                ImageFolderLoader.MismatchedSizes.ERROR, 0.3, 1, TaskType.CLASSIFICATION), LoadContext.of(data()));
        int shared = common(ids(source.train()), ids(target.test().open())).size();
        assertTrue(shared > 3, "the two seeds' splits overlap in more images than a message names: " + shared);

        Path out = dir.resolve("out");
        Result result = cli("run", dir.resolve("study.yaml").toString(), "--out", out.toString(), "--data-dir", data().toString(),
                "--no-cache");
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode(), result.err());
        String error = result.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElseThrow();
        String prefix = "error: " + dir.resolve("study.yaml") + ":5: domains 'a' (source, line 4) and 'b' (target, line 5) share "
                + shared + " examples: the source's train partition holds " + shared + " of the target's 12 test examples (";
        String suffix = " and " + (shared - 3) + " more), so the source model would be trained on data the target is scored on; "
                + "split that data once for both domains (the same file, test-fraction and split-seed), or pair domains that do "
                + "not share it";
        assertTrue(error.startsWith(prefix) && error.endsWith(suffix), error);
        String named = error.substring(prefix.length(), error.length() - suffix.length());
        Path root = data().toAbsolutePath().normalize();
        assertTrue(named.matches("(file \\S+/shapes/([ab]/img-\\d\\d\\.png) and file \\S+/copy/\\2, which hold the same data(, )?){3}"),
                "three images, each by both its names: " + named);
        assertTrue(named.startsWith("file " + root.resolve("shapes")), named);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void twoFoldersThatShareOneImageAreRefusedWhenTheSourceTrainsOnItAndTheTargetIsTestedOnIt() throws IOException {
        ImageFixtures.splitFolder(data().resolve("first"), List.of("a", "b"), 6, 2, 8);
        ImageFixtures.splitFolder(data().resolve("second"), List.of("c", "d"), 6, 2, 8, 20);
        Files.delete(data().resolve("second/test/c/img-26.png"));
        Files.copy(data().resolve("first/train/a/img-03.png"), data().resolve("second/test/c/img-26.png"));
        study("{loader: image-folder, folder: first, width: 8, height: 8}",
                "{loader: image-folder, folder: second, width: 8, height: 8}");
        Path out = dir.resolve("out");
        Result result = cli("run", dir.resolve("study.yaml").toString(), "--out", out.toString(), "--data-dir", data().toString(),
                "--no-cache");
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode(), result.err());
        Path root = data().toAbsolutePath().normalize();
        assertEquals("error: " + dir.resolve("study.yaml") + ":5: domains 'a' (source, line 4) and 'b' (target, line 5) share 1 "
                + "examples: the source's train partition holds 1 of the target's 4 test examples (file "
                + root.resolve("first/train/a/img-03.png") + " and file " + root.resolve("second/test/c/img-26.png")
                + ", which hold the same data), so the source model would be trained on data the target is scored on; split "
                + "that data once for both domains (the same file, test-fraction and split-seed), or pair domains that do not "
                + "share it", result.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElseThrow());
        assertFalse(Files.exists(out), "nothing written");
    }
}
