package org.transferlab.core.loader.imagefolder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Small image folders for tests, written with ImageIO: each class is stripes of its own colour and
 * direction on black (class 0 red horizontal, 1 green vertical, 2 blue horizontal, 3 yellow vertical,
 * ...), shifted by the image's index and dimmed by it ({@link #level}), so no two images of a class have
 * the same content, even as JPEGs (a one-pixel difference can vanish in JPEG's quantisation).
 */
public final class ImageFixtures {
    /** The colour of each class, as 0xRRGGBB. */
    public static final int[] COLOURS = {0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0xff00ff, 0x00ffff};

    private ImageFixtures() {
    }

    /** The brightness (128-255) of the stripes of image {@code index}: distinct for indices 0-127. */
    public static int level(int index) {
        return 255 - (index * 5) % 128;
    }

    /** Image {@code index} of class {@code label}: stripes of the class's colour, one row or column in three. */
    public static BufferedImage stripes(int label, int index, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        boolean horizontal = label % 2 == 0;
        int colour = COLOURS[label % COLOURS.length];
        int level = level(index);
        int stripe = (((colour >> 16) & 0xff) * level / 255) << 16 | (((colour >> 8) & 0xff) * level / 255) << 8
                | ((colour & 0xff) * level / 255);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int along = horizontal ? y : x;
                image.setRGB(x, y, (along + index) % 3 == 0 ? stripe : 0);
            }
        }
        return image;
    }

    /** A greyscale image whose every pixel is {@code value} (0-255) but the last, which encodes {@code index}. */
    public static BufferedImage grey(int value, int index, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        image.getRaster().setSample(width - 1, height - 1, 0, index & 0xff);
        return image;
    }

    /** Writes {@code image} to {@code file} in {@code format} ("png" or "jpg"), creating folders as needed. */
    public static Path write(BufferedImage image, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A folder of {@code classes} class folders (named as given), {@code perClass} striped images each,
     * {@code side x side} pixels, named {@code img-00.png}, ... ({@code format} "png" or "jpg").
     */
    public static Path folder(Path root, List<String> classes, int perClass, int side, String format) {
        return folder(root, classes, perClass, side, format, 0);
    }

    /** The same, the images' indices starting at {@code firstIndex} (so that two folders hold different images). */
    public static Path folder(Path root, List<String> classes, int perClass, int side, String format, int firstIndex) {
        for (int label = 0; label < classes.size(); label++) {
            for (int i = 0; i < perClass; i++) {
                int index = firstIndex + i;
                write(stripes(label, index, side, side), format,
                        root.resolve(classes.get(label)).resolve(String.format("img-%02d.%s", index, format)));
            }
        }
        return root;
    }

    /** {@code ROOT/train/CLASS} with {@code train} images a class and {@code ROOT/test/CLASS} with {@code test}. */
    public static Path splitFolder(Path root, List<String> classes, int train, int test, int side) {
        return splitFolder(root, classes, train, test, side, 0);
    }

    /** The same, the images' indices starting at {@code firstIndex}. */
    public static Path splitFolder(Path root, List<String> classes, int train, int test, int side, int firstIndex) {
        folder(root.resolve("train"), classes, train, side, "png", firstIndex);
        folder(root.resolve("test"), classes, test, side, "png", firstIndex + train);
        return root;
    }
}
