package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.core.loader.fashion.FashionMnistFiles;
import org.transferlab.experiments.cli.BadInputCorpusTest.Case;

/**
 * The bad-input corpus of Fashion-MNIST's IDX files, in {@link BadInputCorpusTest}'s style: each case links
 * the Debian package's four files into a data directory, replaces one (or two) with a broken copy, runs the real
 * command line, and checks the exact error, the exit code, and that nothing half-written is left behind.
 */
class IdxBadInputTest {
    /** Two Fashion-MNIST domains; the IDX cases break one of the four files in the data directory. */
    static final String STUDY = """
            name: corpus-idx
            seeds: 1
            domains:
              a: {loader: fashion-mnist, classes: [0, 1], train-per-class: 20, test-per-class: 10}
              b: {loader: fashion-mnist, classes: [2, 3], train-per-class: 20, test-per-class: 10}
            pairs: [{source: a, target: b}]
            network: {hidden: [4], epochs: 1}
            strategies: {target-only: {max-epochs: 2}}
            budgets: {per-class: [2]}
            """;

    @TempDir
    Path dir;

    static Stream<Case> files() {
        return Stream.of(
                idx("a truncated gzip", FashionMnistFiles.TRAIN_LABELS, real -> {
                    byte[] gz = Files.readAllBytes(FashionMnistFiles.DEBIAN_LOCATION.resolve(FashionMnistFiles.TRAIN_LABELS));
                    return Arrays.copyOf(gz, gz.length / 2);
                }, d -> idxFile(d, FashionMnistFiles.TRAIN_LABELS) + "truncated or corrupt gzip data (Unexpected end of ZLIB input stream)"),
                idx("an IDX file with the wrong magic number", FashionMnistFiles.TRAIN_LABELS,
                        real -> idx(0x00000803, new int[] {real.length - 8}, Arrays.copyOfRange(real, 8, real.length)),
                        d -> idxFile(d, FashionMnistFiles.TRAIN_LABELS)
                                + "wrong magic number 0x00000803; expected 0x00000801 for an IDX label file"),
                idx("an empty IDX file", FashionMnistFiles.TRAIN_LABELS, real -> new byte[0],
                        d -> idxFile(d, FashionMnistFiles.TRAIN_LABELS)
                                + "truncated or empty; it ends inside the IDX header, before the magic number"),
                idx("IDX image and label counts that differ", FashionMnistFiles.TEST_LABELS,
                        real -> idx(0x00000801, new int[] {9999}, Arrays.copyOfRange(real, 8, real.length - 1)),
                        d -> idxFile(d, FashionMnistFiles.TEST_IMAGES)
                                + "has 10000 images but its label file has 9999 labels; they must match one to one"),
                new Case("IDX images and labels both cut at a record boundary, caught by the checksum", d -> {
                    linkFashionMnist(d);
                    byte[] images = readAll(FashionMnistFiles.DEBIAN_LOCATION.resolve(FashionMnistFiles.TEST_IMAGES));
                    byte[] labels = readAll(FashionMnistFiles.DEBIAN_LOCATION.resolve(FashionMnistFiles.TEST_LABELS));
                    replace(d, FashionMnistFiles.TEST_IMAGES,
                            idx(0x00000803, new int[] {9999, 28, 28}, Arrays.copyOfRange(images, 16, images.length - 784)));
                    replace(d, FashionMnistFiles.TEST_LABELS, idx(0x00000801, new int[] {9999}, Arrays.copyOfRange(labels, 8, labels.length - 1)));
                }, d -> {
                    byte[] images = readAll(FashionMnistFiles.DEBIAN_LOCATION.resolve(FashionMnistFiles.TEST_IMAGES));
                    String cutSha = sha256(idx(0x00000803, new int[] {9999, 28, 28}, Arrays.copyOfRange(images, 16, images.length - 784)));
                    return idxFile(d, FashionMnistFiles.TEST_IMAGES) + "content SHA-256 is " + cutSha + ", expected "
                            + FashionMnistFiles.CONTENT_SHA256.get(FashionMnistFiles.TEST_IMAGES) + "; the file is corrupt or not "
                            + "the published Fashion-MNIST. Delete it and reinstall dataset-fashion-mnist or download it again";
                }));
    }

    /** Turns a file's decompressed content into the bad file a case needs. */
    interface Corruption {
        byte[] apply(byte[] content) throws IOException;
    }

    /** A Fashion-MNIST data directory whose files link to the Debian package's, but one, which {@code corrupt} rewrites. */
    private static Case idx(String name, String file, Corruption corrupt, Function<Path, String> expected) {
        return new Case(name, d -> {
            linkFashionMnist(d);
            replace(d, file, corrupt.apply(readAll(FashionMnistFiles.DEBIAN_LOCATION.resolve(file))));
        }, expected);
    }

    private static void linkFashionMnist(Path d) throws IOException {
        assertTrue(Files.isDirectory(FashionMnistFiles.DEBIAN_LOCATION),
                "the Debian package dataset-fashion-mnist is needed; ./transferlab and .ci/run install it");
        Path files = Files.createDirectories(d.resolve("data/fashion-mnist"));
        for (String name : List.of(FashionMnistFiles.TRAIN_IMAGES, FashionMnistFiles.TRAIN_LABELS, FashionMnistFiles.TEST_IMAGES,
                FashionMnistFiles.TEST_LABELS)) {
            Files.createSymbolicLink(files.resolve(name), FashionMnistFiles.DEBIAN_LOCATION.resolve(name));
        }
        Files.writeString(d.resolve("study.yaml"), STUDY);
    }

    private static void replace(Path d, String name, byte[] content) throws IOException {
        Path file = d.resolve("data/fashion-mnist").resolve(name);
        Files.delete(file);
        Files.write(file, content);
    }

    private static String idxFile(Path d, String name) {
        return d.resolve("study.yaml") + ":4: domain 'a': " + d.resolve("data/fashion-mnist").resolve(name) + ": ";
    }

    /** The decompressed content of a gzip file (the raw bytes of one that is not compressed). */
    private static byte[] readAll(Path file) {
        try {
            byte[] raw = Files.readAllBytes(file);
            if (raw.length < 2 || raw[0] != (byte) 0x1f || raw[1] != (byte) 0x8b) {
                return raw;
            }
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An uncompressed IDX file: magic, dimensions, bytes. */
    private static byte[] idx(int magic, int[] dimensions, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int dimension : dimensions) {
                out.writeInt(dimension);
            }
            out.write(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        return BadInputCorpusTest.sha256(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void aBadIdxFileIsRefusedNamingTheFileAndWritesNothing(Case bad) throws Exception {
        BadInputCorpusTest.refused(bad, dir);
    }
}
