package org.transferlab.core.loader.fashion;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.transferlab.core.TransferLabException;

/**
 * Reads IDX files (the MNIST family's format), gzip-compressed or not: a big-endian magic number that
 * names the element type and the number of dimensions, the dimension sizes, then unsigned bytes.
 * Only unsigned-byte images (magic 2051) and labels (magic 2049) are supported.
 */
public final class IdxFile {
    static final int LABELS_MAGIC = 0x00000801;
    static final int IMAGES_MAGIC = 0x00000803;

    /**
     * The content of an IDX file.
     *
     * @param dimensions the sizes after the magic number: {count} for labels, {count, rows, columns} for images
     * @param data       the unsigned bytes, row-major
     * @param sha256     hex SHA-256 of the decompressed file, for provenance and checksum checks
     */
    public record Content(int[] dimensions, byte[] data, String sha256) {
        public int count() {
            return dimensions[0];
        }
    }

    private IdxFile() {
    }

    public static Content readImages(Path file) {
        return read(file, IMAGES_MAGIC, 3, "image");
    }

    public static Content readLabels(Path file) {
        return read(file, LABELS_MAGIC, 1, "label");
    }

    private static Content read(Path file, int expectedMagic, int dimensionCount, String what) {
        MessageDigest sha = sha256();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(new DigestInputStream(decompressed(raw), sha))) {
            int magic = readHeaderInt(in, file, "the magic number");
            if (magic != expectedMagic) {
                throw new TransferLabException(String.format(
                        "%s: wrong magic number 0x%08x; expected 0x%08x for an IDX %s file", file, magic, expectedMagic, what));
            }
            int[] dimensions = new int[dimensionCount];
            long size = 1;
            for (int d = 0; d < dimensionCount; d++) {
                dimensions[d] = readHeaderInt(in, file, "dimension " + (d + 1));
                if (dimensions[d] < 0) {
                    throw new TransferLabException(file + ": dimension " + (d + 1) + " is negative (" + dimensions[d] + ")");
                }
                size *= dimensions[d];
            }
            if (size > Integer.MAX_VALUE - 64) {
                throw new TransferLabException(file + ": header declares " + size + " bytes, more than one array can hold");
            }
            byte[] data = new byte[(int) size];
            int read = in.readNBytes(data, 0, data.length);
            if (read < data.length) {
                long itemSize = dimensionCount == 1 ? 1 : (long) dimensions[1] * dimensions[2];
                throw new TransferLabException(file + ": truncated; the header declares " + dimensions[0] + " " + what
                        + "s but the file ends after " + (read / Math.max(1, itemSize)) + " of them");
            }
            if (in.read() != -1) {
                throw new TransferLabException(file + ": has bytes after the " + dimensions[0] + " " + what
                        + "s its header declares; not a well-formed IDX file");
            }
            return new Content(dimensions, data, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchFileException e) {
            throw new TransferLabException(file + ": no such file", e);
        } catch (ZipException | EOFException e) {
            throw new TransferLabException(file + ": truncated or corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new TransferLabException(file + ": cannot be read (" + e + ")", e);
        }
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static int readHeaderInt(DataInputStream in, Path file, String field) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new TransferLabException(file + ": truncated or empty; it ends inside the IDX header, before " + field, e);
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
