package org.transferlab.core.loader.fashion;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files and Fashion-MNIST-shaped directories for tests, so no test needs the real data. */
public final class IdxFixtures {
    private IdxFixtures() {
    }

    public static void writeImages(Path file, int count, int rows, int columns, byte[] pixels, boolean gzip) throws IOException {
        try (DataOutputStream out = new DataOutputStream(open(file, gzip))) {
            out.writeInt(IdxFile.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(columns);
            out.write(pixels);
        }
    }

    public static void writeLabels(Path file, byte[] labels, boolean gzip) throws IOException {
        try (DataOutputStream out = new DataOutputStream(open(file, gzip))) {
            out.writeInt(IdxFile.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        }
    }

    /**
     * A directory holding the four Fashion-MNIST files with {@code trainPerClass} and {@code testPerClass}
     * 28x28 images of each of the ten classes. Class c lights up row band c (rows 2c+1..2c+4), so a
     * classifier can tell the classes apart; image i of a class varies the brightness with i.
     */
    public static Path fashionMnist(Path dir, int trainPerClass, int testPerClass) throws IOException {
        Files.createDirectories(dir);
        writePartition(dir, FashionMnistFiles.TRAIN_IMAGES, FashionMnistFiles.TRAIN_LABELS, trainPerClass);
        writePartition(dir, FashionMnistFiles.TEST_IMAGES, FashionMnistFiles.TEST_LABELS, testPerClass);
        return dir;
    }

    private static void writePartition(Path dir, String images, String labels, int perClass) throws IOException {
        int count = perClass * 10;
        byte[] pixels = new byte[count * 784];
        byte[] classes = new byte[count];
        for (int i = 0; i < count; i++) {
            int cls = i % 10;
            classes[i] = (byte) cls;
            for (int r = 2 * cls + 1; r < 2 * cls + 5; r++) {
                for (int c = 4; c < 24; c++) {
                    pixels[i * 784 + r * 28 + c] = (byte) (128 + (i * 7) % 120);
                }
            }
        }
        writeImages(dir.resolve(images), count, 28, 28, pixels, true);
        writeLabels(dir.resolve(labels), classes, true);
    }

    private static OutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return gzip ? new GZIPOutputStream(out) : out;
    }
}
