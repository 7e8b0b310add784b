package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.core.loader.imagefolder.ImageFixtures;

/**
 * The bad-input corpus of the image-folder loader, in the style of {@link BadInputCorpusTest}: each case
 * writes a study and an image folder under data/, breaks one thing, runs the real command line, and
 * checks the exact error (it names the file or key and what was expected), exit code 2, that nothing
 * trained and that nothing was written: no run directory and no temporary file.
 */
class ImageFolderBadInputTest {
    /** Two domains of one folder of four classes, 8x8 pixels; each case breaks the folder or the config. */
    static final String STUDY = """
            name: images
            seeds: 1
            domains:
              src: {loader: image-folder, folder: shapes, classes: [a, b], width: 8, height: 8}
              tgt: {loader: image-folder, folder: shapes, classes: [c, d], width: 8, height: 8}
            pairs: [{source: src, target: tgt}]
            network: {hidden: [4], epochs: 1}
            strategies: {target-only: {max-epochs: 2}}
            budgets: {per-class: [2]}
            """;
    private static final List<String> CLASSES = List.of("a", "b", "c", "d");

    @TempDir
    Path dir;

    interface Setup {
        void write(Path data) throws Exception;
    }

    /**
     * @param name     what is wrong, for the test report
     * @param study    the study's text
     * @param breakIt  changes the folder data/shapes (10 PNGs a class) after it is written
     * @param expected the exact error, given the data directory
     */
    record Case(String name, String study, Setup breakIt, Function<Path, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case folder(String name, Setup breakIt, Function<Path, String> expected) {
        return new Case(name, STUDY, breakIt, expected);
    }

    private static Case config(String name, Function<String, String> change, Function<Path, String> expected) {
        return new Case(name, change.apply(STUDY), data -> { }, expected);
    }

    /** The prefix of an error of domain {@code src} (line 4), given the data directory. */
    private static String src(Path data) {
        return data.getParent().resolve("study.yaml") + ":4: domain 'src': ";
    }

    private static String at(Path data, int line) {
        return data.getParent().resolve("study.yaml") + ":" + line + ": ";
    }

    static Stream<Case> cases() {
        return Stream.of(
                folder("a PNG cut inside its pixel data", data -> cutInsidePixelData(data.resolve("shapes/a/img-03.png")), data -> src(data)
                        + data.resolve("shapes/a/img-03.png") + ": truncated or corrupt PNG image (Error reading PNG image data: "
                        + "Unexpected end of ZLIB input stream); expected a whole PNG or JPEG image"),
                folder("a PNG cut after its pixel data, which ImageIO itself reads without an error",
                        data -> Files.write(data.resolve("shapes/b/img-04.png"), Arrays.copyOf(Files.readAllBytes(
                                data.resolve("shapes/b/img-04.png")), (int) Files.size(data.resolve("shapes/b/img-04.png")) - 12)),
                        data -> src(data) + data.resolve("shapes/b/img-04.png") + ": truncated or corrupt PNG image (no IEND "
                                + "chunk, with which every PNG ends); expected a whole PNG or JPEG image"),
                folder("a JPEG cut short, which ImageIO itself reads without an error", data -> {
                    Path jpeg = ImageFixtures.write(ImageFixtures.stripes(1, 40, 8, 8), "jpg", data.resolve("shapes/b/img-40.jpg"));
                    byte[] bytes = Files.readAllBytes(jpeg);
                    Files.write(jpeg, Arrays.copyOf(bytes, bytes.length - 4));
                }, data -> src(data) + data.resolve("shapes/b/img-40.jpg") + ": truncated or corrupt JPEG image (Truncated File "
                        + "- Missing EOI marker; Corrupt JPEG data: premature end of data segment); expected a whole PNG or JPEG image"),
                folder("the header of a JPEG only", data -> {
                    Path jpeg = ImageFixtures.write(ImageFixtures.stripes(1, 41, 8, 8), "jpg", data.resolve("shapes/b/img-41.jpg"));
                    cut(jpeg, 2);
                }, data -> src(data) + data.resolve("shapes/b/img-41.jpg") + ": truncated or corrupt JPEG image (Invalid JPEG "
                        + "file structure: missing SOS marker); expected a whole PNG or JPEG image"),
                folder("a text file named .png", data -> Files.writeString(data.resolve("shapes/b/notes.png"), "not an image\n"),
                        data -> src(data) + data.resolve("shapes/b/notes.png") + ": not an image (no image reader recognises its "
                                + "content); expected a PNG or JPEG image"),
                folder("an empty file named .jpg", data -> Files.write(data.resolve("shapes/a/empty.jpg"), new byte[0]),
                        data -> src(data) + data.resolve("shapes/a/empty.jpg") + ": empty file; expected a PNG or JPEG image"),
                folder("images of two sizes, with mismatched-sizes: error (the default)",
                        data -> ImageFixtures.write(ImageFixtures.stripes(1, 50, 12, 10), "png", data.resolve("shapes/b/img-50.png")),
                        data -> src(data) + data.resolve("shapes/b/img-50.png") + ": is 12x10 pixels, but "
                                + data.resolve("shapes/a/img-00.png") + " is 8x8; with mismatched-sizes: error (the default) the "
                                + "images must all have one size, since images of several sizes are resized, and distorted, to "
                                + "different degrees: make them one size, or set mismatched-sizes: resize"),
                folder("an empty class folder", data -> Files.createDirectories(data.resolve("shapes/e")),
                        data -> src(data) + data.resolve("shapes/e") + ": empty class folder; expected .png or .jpg images of "
                                + "class 'e'"),
                folder("a file that is not an image in a class folder", data -> Files.writeString(data.resolve("shapes/c/labels.csv"),
                        "x\n"), data -> src(data) + data.resolve("shapes/c/labels.csv") + ": not an image file; expected only .png, "
                        + ".jpg or .jpeg images in class folder 'c'"),
                folder("a file beside the class folders", data -> Files.writeString(data.resolve("shapes/README.txt"), "x\n"),
                        data -> src(data) + data.resolve("shapes/README.txt") + ": a file where class folders are expected; "
                                + data.resolve("shapes") + " must hold only one folder of images per class"),
                folder("a folder inside a class folder", data -> ImageFixtures.write(ImageFixtures.stripes(0, 60, 8, 8), "png",
                        data.resolve("shapes/a/more/img-60.png")), data -> src(data) + data.resolve("shapes/a/more")
                        + ": a folder inside class folder 'a'; expected only .png, .jpg or .jpeg images there (class folders are "
                        + "not nested)"),
                new Case("no class folders", STUDY, data -> {
                    empty(data.resolve("shapes"));
                    Files.writeString(data.resolve("shapes/.DS_Store"), "hidden files are skipped");
                }, data -> src(data) + data.resolve("shapes") + ": no class folders; expected one folder of .png or .jpg images "
                        + "per class (ROOT/CLASS/*.png), or 'train' and 'test' folders that both hold them"),
                folder("a train folder without a test folder", data -> ImageFixtures.folder(data.resolve("shapes/train"),
                        CLASSES, 2, 8, "png", 70), data -> src(data) + data.resolve("shapes") + ": has a 'train' folder but no "
                        + "'test' folder; expected either class folders only (ROOT/CLASS/*.png), or 'train' and 'test' folders that "
                        + "both hold the class folders (to split the images of 'train', give it as the folder: folder: "
                        + "shapes/train)"),
                folder("train and test folders of different classes", data -> {
                    empty(data.resolve("shapes"));
                    ImageFixtures.splitFolder(data.resolve("shapes"), CLASSES, 4, 2, 8);
                    ImageFixtures.folder(data.resolve("shapes/test"), List.of("e"), 2, 8, "png", 80);
                }, data -> src(data) + data.resolve("shapes/test") + ": has the class folders a, b, c, d, e, but "
                        + data.resolve("shapes/train") + " has a, b, c, d; expected the same classes in both"),
                folder("a class folder beside the train and test folders", data -> {
                    ImageFixtures.splitFolder(data.resolve("shapes"), CLASSES, 4, 2, 8);
                }, data -> src(data) + data.resolve("shapes/a") + ": beside the 'train' and 'test' folders of "
                        + data.resolve("shapes") + "; expected only those two, each holding the class folders"),
                folder("the same image twice", data -> Files.copy(data.resolve("shapes/a/img-02.png"),
                        data.resolve("shapes/d/copy.png")), data -> src(data) + data.resolve("shapes/d/copy.png") + ": has the "
                        + "same content as " + data.resolve("shapes/a/img-02.png") + " (SHA-256 " + sha256(data.resolve(
                        "shapes/a/img-02.png")) + "); expected each image once in a folder, since two copies could fall on both "
                        + "sides of its split (a test image seen in training): remove one"),
                folder("a class with too few images for the split", data -> {
                    for (int i = 1; i < 10; i++) {
                        Files.delete(data.resolve("shapes/b/img-0" + i + ".png"));
                    }
                }, data -> src(data) + data.resolve("shapes") + ": none of the 1 images of class 'b' falls in the test partition "
                        + "of the folder's split (test-fraction 0.3, split-seed 0, over the folder's 31 images, stratified by "
                        + "class); a domain needs images of each class on both sides: give the class more images, or change "
                        + "test-fraction"),
                config("a class that is not a class folder", s -> s.replace("classes: [a, b]", "classes: [a, cow]"),
                        data -> src(data) + data.resolve("shapes") + ": key 'classes' names 'cow', which is not one of its class "
                                + "folders; they are a, b, c, d"),
                config("a folder that does not exist", s -> s.replace("folder: shapes, classes: [a, b]", "folder: shapse, classes: [a, b]"),
                        data -> src(data) + data.resolve("shapse") + ": no such folder (folder: shapse)"),
                config("a folder outside the data directory", s -> s.replace("folder: shapes, classes: [a, b]",
                        "folder: ../shapes, classes: [a, b]"), data -> src(data) + "folder: '../shapes' is outside the data directory "
                        + data + "; give a path inside it"),
                config("two channels", s -> s.replace("classes: [a, b], width", "classes: [a, b], channels: 2, width"),
                        data -> at(data, 4) + "'domains.src': channels must be 1 (greyscale) or 3 (RGB), got 2"),
                config("no width", s -> s.replace("classes: [a, b], width: 8,", "classes: [a, b],"),
                        data -> at(data, 4) + "missing required key 'domains.src.width' in 'domains.src'"),
                config("an unknown mismatched-sizes policy", s -> s.replace("height: 8}\n  tgt", "height: 8, mismatched-sizes: stretch}\n  tgt"),
                        data -> at(data, 4) + "key 'domains.src.mismatched-sizes' must be one of error, resize, got 'stretch'"),
                config("two domains of one folder with different split seeds", s -> s.replace("classes: [c, d],", "classes: [c, d], split-seed: 3,"),
                        data -> at(data, 6) + "'pairs[0]': domains 'src' (source, line 4) and 'tgt' (target, line 5) both read shapes, "
                                + "which is split into train and test once for all its domains, but key 'split-seed' is 0 for 'src' "
                                + "and 3 for 'tgt'; give both the same split-seed (with two splits, the source's train rows could "
                                + "include the target's test rows)"),
                config("a cnn whose blocks need larger images", s -> s.replace("network: {hidden: [4], epochs: 1}",
                        "network: {type: cnn, hidden: [4], conv-filters: [4, 4], epochs: 1}"), data -> src(data) + "network type cnn "
                        + "with conv-filters [4, 4] needs images of at least 16x16 pixels (each block is a 5x5 convolution, then "
                        + "2x2 max pooling), but the domain's are 8x8; give fewer conv-filters or larger images"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadImageFolderIsRefusedNamingTheFileAndWritesNothing(Case bad) throws Exception {
        Path data = dir.resolve("data");
        ImageFixtures.folder(data.resolve("shapes"), CLASSES, 10, 8, "png");
        bad.breakIt().write(data);
        Files.writeString(dir.resolve("study.yaml"), bad.study());
        Path out = dir.resolve("out");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"run", dir.resolve("study.yaml").toString(), "--out", out.toString(),
            "--data-dir", data.toString(), "--no-cache"}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        String err = stderr.toString();
        assertEquals(TransferLabCommand.USER_ERROR, code, err);
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals("error: " + bad.expected().apply(data), lines.get(lines.size() - 1), err);
        assertFalse(err.contains("training the source model"), "refused before any training");
        assertFalse(err.contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out), "no run directory is left behind");
        BadInputCorpusTest.assertNoTemporaryFiles(dir);
    }

    /** Deletes everything in {@code folder}. */
    private static void empty(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(folder)).forEach(p -> p.toFile().delete());
        }
    }

    /** Cuts a PNG a few bytes into the compressed pixel data of its IDAT chunk. */
    private static void cutInsidePixelData(Path png) throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(png);
        int idat = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("IDAT");
        Files.write(png, Arrays.copyOf(bytes, idat + 4 + 6));
    }

    /** Keeps the first 1/{@code part} of the file. */
    private static void cut(Path file, int part) throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / part));
    }

    private static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
