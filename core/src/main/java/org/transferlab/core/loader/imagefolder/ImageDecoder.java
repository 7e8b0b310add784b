package org.transferlab.core.loader.imagefolder;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.transferlab.core.TransferLabException;

/**
 * Decodes one image file with Java's ImageIO (no native library) into planes of [0, 1] floats,
 * {@code channels x height x width}, channel-major, at the image's own size.
 *
 * <p>Greyscale images are read from their samples (ImageIO's {@code getRGB} would pass them through a
 * gamma curve), scaled by their bit depth; colour and palette images as 8-bit sRGB. Greyscale to RGB
 * repeats the grey value; RGB to greyscale takes the ITU-R BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B}
 * (what PIL's {@code convert("L")} computes). An alpha channel is dropped, its colour values taken as
 * they are (as PIL's {@code convert("RGB")} does). A warning of the decoder is an error: ImageIO reads
 * a JPEG cut short without complaint, filling the missing part with grey, and only warns; a PNG must
 * end with its IEND chunk, since ImageIO reads one cut short after its pixel data. Stateless.
 */
final class ImageDecoder {
    /** Larger images are refused before they are decoded: a few bytes of PNG can declare gigapixels. */
    static final int MAX_SIDE = 16384;

    /** A decoded image: {@code channels} planes of {@code height x width} values in [0, 1]. */
    record Pixels(int width, int height, float[] values) {
    }

    private ImageDecoder() {
    }

    /** Decodes {@code bytes}, the content of {@code file}, into {@code channels} (1 or 3) planes. */
    static Pixels decode(Path file, byte[] bytes, int channels) {
        if (bytes.length == 0) {
            throw new TransferLabException(file + ": empty file; expected a PNG or JPEG image");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new TransferLabException(file + ": not an image (no image reader recognises its content); expected "
                        + "a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw new TransferLabException(file + ": is " + width + "x" + height + " pixels; expected at most "
                            + MAX_SIDE + " pixels a side");
                }
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw corrupt(file, format, String.join("; ", warnings));
                }
                if (format.equals("PNG") && !endsWithIend(bytes)) {
                    throw corrupt(file, format, "no IEND chunk, with which every PNG ends");
                }
                return new Pixels(image.getWidth(), image.getHeight(), planes(image, channels));
            } catch (IOException | RuntimeException e) {
                if (e instanceof TransferLabException known) {
                    throw known;
                }
                throw corrupt(file, format, describe(e));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new TransferLabException(file + ": cannot be read (" + e + ")", e);
        }
    }

    /** The IEND chunk: length 0, its type, its CRC. Whatever follows it is ignored, as decoders do. */
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};

    /**
     * Whether a PNG was written to its end. ImageIO decodes a PNG cut anywhere after its last pixel
     * row's data (in the zlib checksum, the chunk's CRC or the IEND chunk) without a word.
     */
    private static boolean endsWithIend(byte[] bytes) {
        for (int at = bytes.length - IEND.length; at >= 8; at--) {
            if (java.util.Arrays.equals(bytes, at, at + IEND.length, IEND, 0, IEND.length)) {
                return true;
            }
        }
        return false;
    }

    private static TransferLabException corrupt(Path file, String format, String why) {
        return new TransferLabException(file + ": truncated or corrupt " + format + " image (" + why
                + "); expected a whole PNG or JPEG image");
    }

    /** The exception's message and its causes', without class names where there is a message. */
    private static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
            parts.add(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return String.join(": ", parts);
    }

    private static float[] planes(BufferedImage image, int channels) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        float[] values = new float[channels * plane];
        if (image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            Raster raster = image.getRaster();
            float max = (float) ((1L << model.getComponentSize(0)) - 1);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float grey = raster.getSample(x, y, 0) / max;
                    for (int c = 0; c < channels; c++) {
                        values[c * plane + y * width + x] = grey;
                    }
                }
            }
            return values;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                float r = ((rgb >> 16) & 0xff) / 255f;
                float g = ((rgb >> 8) & 0xff) / 255f;
                float b = (rgb & 0xff) / 255f;
                int at = y * width + x;
                if (channels == 1) {
                    values[at] = Math.min(1f, 0.299f * r + 0.587f * g + 0.114f * b);
                } else {
                    values[at] = r;
                    values[plane + at] = g;
                    values[2 * plane + at] = b;
                }
            }
        }
        return values;
    }
}
