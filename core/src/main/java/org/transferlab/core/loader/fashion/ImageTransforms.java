package org.transferlab.core.loader.fashion;

import java.util.SplittableRandom;

/**
 * Deterministic transforms that turn one image domain into a shifted one. Pixels are in [0, 1];
 * every transform keeps them there. Applied in the order rotation, inversion, noise.
 *
 * @param rotationDegrees counter-clockwise rotation about the centre, bilinear, zero fill outside
 * @param invert          replace each pixel p by 1 - p
 * @param noiseSigma      standard deviation of additive Gaussian noise, clipped to [0, 1] after
 * @param noiseSeed       seed of the noise; image i always gets the same noise for the same seed
 */
public record ImageTransforms(double rotationDegrees, boolean invert, double noiseSigma, long noiseSeed) {
    public static final ImageTransforms NONE = new ImageTransforms(0, false, 0, 0);

    public ImageTransforms {
        if (!Double.isFinite(rotationDegrees)) {
            throw new IllegalArgumentException("rotation must be a finite number of degrees");
        }
        if (!(noiseSigma >= 0 && noiseSigma <= 10)) {
            throw new IllegalArgumentException("noise must be a standard deviation in [0, 10], got " + noiseSigma);
        }
    }

    public boolean isIdentity() {
        return rotationDegrees % 360 == 0 && !invert && noiseSigma == 0;
    }

    /** Transforms the image in place; {@code imageId} keys the noise so it does not depend on order. */
    public void apply(float[] image, int height, int width, long imageId) {
        if (rotationDegrees % 360 != 0) {
            rotate(image, height, width);
        }
        if (invert) {
            for (int i = 0; i < image.length; i++) {
                image[i] = 1f - image[i];
            }
        }
        if (noiseSigma > 0) {
            SplittableRandom random = new SplittableRandom(noiseSeed ^ (imageId * 0x9E3779B97F4A7C15L));
            for (int i = 0; i < image.length; i++) {
                double noisy = image[i] + noiseSigma * random.nextGaussian();
                image[i] = (float) Math.min(1.0, Math.max(0.0, noisy));
            }
        }
    }

    private void rotate(float[] image, int height, int width) {
        float[] source = image.clone();
        double angle = Math.toRadians(rotationDegrees);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Inverse mapping: where in the source does this output pixel come from?
                double dx = x - cx;
                double dy = y - cy;
                double sx = cos * dx - sin * dy + cx;
                double sy = sin * dx + cos * dy + cy;
                image[y * width + x] = (float) bilinear(source, height, width, sy, sx);
            }
        }
    }

    private static double bilinear(float[] image, int height, int width, double y, double x) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fy) * ((1 - fx) * pixel(image, height, width, y0, x0) + fx * pixel(image, height, width, y0, x0 + 1))
                + fy * ((1 - fx) * pixel(image, height, width, y0 + 1, x0) + fx * pixel(image, height, width, y0 + 1, x0 + 1));
    }

    private static double pixel(float[] image, int height, int width, int y, int x) {
        return y < 0 || y >= height || x < 0 || x >= width ? 0 : image[y * width + x];
    }
}
