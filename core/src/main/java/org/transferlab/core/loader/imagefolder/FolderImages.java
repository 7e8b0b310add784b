package org.transferlab.core.loader.imagefolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;

/**
 * One pass over an image folder's files, in its sorted order: every file is hashed (for the example
 * identities, the check that no image is there twice and the folder's fingerprint) and the domain's
 * images are decoded, converted, checked for size and resized.
 *
 * @param train       the domain's train images, labelled and identified
 * @param test        its test images
 * @param fingerprint SHA-256 over every image's path below the root and content hash: changes when any image does
 * @param resized     how many of the domain's images did not already have the configured size
 */
record FolderImages(Examples train, Examples test, String fingerprint, int resized) {

    static FolderImages read(ImageFolder folder, ImageFolderLoader.Parameters p, int[] labelOf, int[] trainRows, int[] testRows) {
        int size = p.shape().size();
        for (int[] rows : List.of(trainRows, testRows)) {
            if ((long) rows.length * size > Integer.MAX_VALUE - 8) {
                throw new TransferLabException(folder.root() + ": " + rows.length + " images of " + p.channels() + "x"
                        + p.height() + "x" + p.width() + " values do not fit in one array; give a smaller width and height");
            }
        }
        Side train = new Side(trainRows, size);
        Side test = new Side(testRows, size);
        int[] sideOf = new int[folder.images().size()];
        int[] position = new int[sideOf.length];
        Arrays.fill(sideOf, -1);
        for (int i = 0; i < trainRows.length; i++) {
            sideOf[trainRows[i]] = 0;
            position[trainRows[i]] = i;
        }
        for (int i = 0; i < testRows.length; i++) {
            sideOf[testRows[i]] = 1;
            position[testRows[i]] = i;
        }
        MessageDigest fingerprint = sha256();
        Map<String, Path> seen = new HashMap<>();
        ImageFolder.Image first = null;
        ImageDecoder.Pixels firstPixels = null;
        int resized = 0;
        for (int row = 0; row < sideOf.length; row++) {
            ImageFolder.Image image = folder.images().get(row);
            byte[] bytes = bytes(image.file());
            String sha = HexFormat.of().formatHex(sha256().digest(bytes));
            Path copy = seen.putIfAbsent(sha, image.file());
            if (copy != null) {
                throw new TransferLabException(image.file() + ": has the same content as " + copy + " (SHA-256 " + sha
                        + "); expected each image once in a folder, since two copies could fall on both sides of its split "
                        + "(a test image seen in training): remove one");
            }
            fingerprint.update((image.relative() + "\t" + sha + "\n").getBytes(StandardCharsets.UTF_8));
            if (sideOf[row] < 0) {
                continue;
            }
            ImageDecoder.Pixels pixels = ImageDecoder.decode(image.file(), bytes, p.channels());
            if (first == null) {
                first = image;
                firstPixels = pixels;
            } else if (p.mismatchedSizes() == ImageFolderLoader.MismatchedSizes.ERROR
                    && (pixels.width() != firstPixels.width() || pixels.height() != firstPixels.height())) {
                throw new TransferLabException(image.file() + ": is " + pixels.width() + "x" + pixels.height() + " pixels, but "
                        + first.file() + " is " + firstPixels.width() + "x" + firstPixels.height() + "; with mismatched-sizes: "
                        + "error (the default) the images must all have one size, since images of several sizes are resized, "
                        + "and distorted, to different degrees: make them one size, or set mismatched-sizes: resize");
            }
            if (pixels.width() != p.width() || pixels.height() != p.height()) {
                resized++;
            }
            float[] values = ImageResize.resize(pixels.values(), p.channels(), pixels.width(), pixels.height(), p.width(), p.height());
            Side side = sideOf[row] == 0 ? train : test;
            side.put(position[row], values, labelOf[image.label()], ExampleOrigin.ofFile(sha, image.file()));
        }
        return new FolderImages(train.examples(size), test.examples(size), HexFormat.of().formatHex(fingerprint.digest()), resized);
    }

    /** The examples of one partition as they are read. */
    private static final class Side {
        private final float[] features;
        private final int[] labels;
        private final List<ExampleOrigin> origins;

        Side(int[] rows, int size) {
            features = new float[rows.length * size];
            labels = new int[rows.length];
            origins = new ArrayList<>(java.util.Collections.nCopies(rows.length, (ExampleOrigin) null));
        }

        void put(int at, float[] values, int label, ExampleOrigin origin) {
            System.arraycopy(values, 0, features, at * values.length, values.length);
            labels[at] = label;
            origins.set(at, origin);
        }

        /** Each image is the one example of its file: row 0 of an origin known by the file's content. */
        Examples examples(int size) {
            return Examples.classified(features, size, labels).withIds(ExampleIds.of(origins, new int[labels.length]));
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TransferLabException(file + ": cannot be read (" + e + ")", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
