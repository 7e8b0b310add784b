package org.transferlab.core.loader.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;

class IdxFileTest {
    @TempDir
    Path dir;

    @Test
    void readsGzipAndRawImagesAndLabels() throws IOException {
        byte[] pixels = new byte[2 * 3 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 10);
        }
        for (boolean gzip : new boolean[] {true, false}) {
            Path images = dir.resolve("images-" + gzip);
            Path labels = dir.resolve("labels-" + gzip);
            IdxFixtures.writeImages(images, 2, 3, 4, pixels, gzip);
            IdxFixtures.writeLabels(labels, new byte[] {7, 3}, gzip);
            IdxFile.Content content = IdxFile.readImages(images);
            assertArrayEquals(new int[] {2, 3, 4}, content.dimensions());
            assertArrayEquals(pixels, content.data());
            assertArrayEquals(new byte[] {7, 3}, IdxFile.readLabels(labels).data());
        }
        assertEquals(IdxFile.readImages(dir.resolve("images-true")).sha256(),
                IdxFile.readImages(dir.resolve("images-false")).sha256(), "the checksum is of the decompressed content");
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        Path labels = dir.resolve("labels.gz");
        IdxFixtures.writeLabels(labels, new byte[] {1, 2}, true);
        TransferLabException e = assertThrows(TransferLabException.class, () -> IdxFile.readImages(labels));
        assertTrue(e.getMessage().startsWith(labels + ": wrong magic number 0x00000801; expected 0x00000803"), e.getMessage());
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        Path images = dir.resolve("images.gz");
        IdxFixtures.writeImages(images, 10, 28, 28, new byte[10 * 784], true);
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length / 2));
        TransferLabException e = assertThrows(TransferLabException.class, () -> IdxFile.readImages(images));
        assertTrue(e.getMessage().startsWith(images + ": truncated"), e.getMessage());
    }

    @Test
    void rawFileShorterThanItsHeaderSaysIsReported() throws IOException {
        Path images = dir.resolve("images");
        IdxFixtures.writeImages(images, 10, 2, 2, new byte[10 * 4], false);
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length - 4 * 3));
        TransferLabException e = assertThrows(TransferLabException.class, () -> IdxFile.readImages(images));
        assertEquals(images + ": truncated; the header declares 10 images but the file ends after 7 of them", e.getMessage());
    }

    @Test
    void emptyFileIsReported() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty"));
        TransferLabException e = assertThrows(TransferLabException.class, () -> IdxFile.readLabels(empty));
        assertEquals(empty + ": truncated or empty; it ends inside the IDX header, before the magic number", e.getMessage());
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        Path labels = dir.resolve("labels");
        IdxFixtures.writeLabels(labels, new byte[] {1, 2}, false);
        Files.write(labels, new byte[] {9}, java.nio.file.StandardOpenOption.APPEND);
        TransferLabException e = assertThrows(TransferLabException.class, () -> IdxFile.readLabels(labels));
        assertTrue(e.getMessage().contains("has bytes after the 2 labels"), e.getMessage());
    }
}
