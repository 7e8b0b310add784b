package org.transferlab.core.loader.imagefolder;

/**
 * Resizes channel-major planes of floats, one axis after the other, in plain Java arithmetic so that
 * every machine computes the same pixels (Java2D's scaling may take another path on another platform).
 * Along an axis that shrinks, an output pixel is the mean of the input pixels it covers, each weighted
 * by how much of it is covered (area averaging, which does not alias when a photograph becomes a
 * thumbnail); along an axis that grows, it is the linear interpolation of the two nearest input pixel
 * centres, edges clamped. Weights are positive and sum to one, so values stay in [0, 1]. Stateless.
 */
final class ImageResize {
    private ImageResize() {
    }

    /** {@code channels} planes of {@code width x height} resized to {@code toWidth x toHeight}. */
    static float[] resize(float[] values, int channels, int width, int height, int toWidth, int toHeight) {
        if (width == toWidth && height == toHeight) {
            return values;
        }
        Axis across = Axis.of(width, toWidth);
        Axis down = Axis.of(height, toHeight);
        float[] out = new float[channels * toWidth * toHeight];
        double[] rows = new double[height * toWidth];
        for (int c = 0; c < channels; c++) {
            int in = c * width * height;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < toWidth; x++) {
                    rows[y * toWidth + x] = across.apply(values, in + y * width, 1, x);
                }
            }
            int to = c * toWidth * toHeight;
            for (int y = 0; y < toHeight; y++) {
                for (int x = 0; x < toWidth; x++) {
                    // Rounding may carry a weighted mean of ones a hair past 1.
                    out[to + y * toWidth + x] = (float) Math.min(1, Math.max(0, down.apply(rows, x, toWidth, y)));
                }
            }
        }
        return out;
    }

    /** For each output pixel along one axis: the first input pixel it draws on and the weights from there on. */
    private record Axis(int[] first, double[][] weights) {
        static Axis of(int in, int out) {
            int[] first = new int[out];
            double[][] weights = new double[out][];
            double scale = (double) in / out;
            for (int j = 0; j < out; j++) {
                if (out <= in) {
                    double from = j * scale;
                    double to = (j + 1) * scale;
                    int lo = (int) Math.floor(from);
                    int hi = Math.min(in, (int) Math.ceil(to));
                    first[j] = lo;
                    weights[j] = new double[hi - lo];
                    for (int i = lo; i < hi; i++) {
                        weights[j][i - lo] = (Math.min(to, i + 1) - Math.max(from, i)) / scale;
                    }
                } else {
                    double centre = Math.max(0, Math.min(in - 1, (j + 0.5) * scale - 0.5));
                    int lo = Math.min((int) Math.floor(centre), in - 1);
                    double fraction = centre - lo;
                    first[j] = lo;
                    weights[j] = lo + 1 < in ? new double[] {1 - fraction, fraction} : new double[] {1};
                }
            }
            return new Axis(first, weights);
        }

        double apply(float[] values, int offset, int stride, int j) {
            double sum = 0;
            for (int k = 0; k < weights[j].length; k++) {
                sum += weights[j][k] * values[offset + (first[j] + k) * stride];
            }
            return sum;
        }

        double apply(double[] values, int offset, int stride, int j) {
            double sum = 0;
            for (int k = 0; k < weights[j].length; k++) {
                sum += weights[j][k] * values[offset + (first[j] + k) * stride];
            }
            return sum;
        }
    }
}
