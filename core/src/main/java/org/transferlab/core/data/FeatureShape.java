package org.transferlab.core.data;

/**
 * The layout of one example's features: {@code channels x height x width} for images, or
 * {@code 1 x 1 x n} for a flat vector. Networks that exploit spatial structure (a CNN) need it.
 */
public record FeatureShape(int channels, int height, int width) {
    public FeatureShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("feature shape must be positive, got " + channels + "x" + height + "x" + width);
        }
    }

    public static FeatureShape flat(int features) {
        return new FeatureShape(1, 1, features);
    }

    public static FeatureShape image(int channels, int height, int width) {
        return new FeatureShape(channels, height, width);
    }

    public int size() {
        return channels * height * width;
    }

    public boolean isImage() {
        return height > 1 && width > 1;
    }
}
