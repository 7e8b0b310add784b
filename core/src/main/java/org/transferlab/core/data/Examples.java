package org.transferlab.core.data;

import java.util.Objects;

/**
 * An immutable block of examples: a row-major {@code size x featureCount} float matrix and one target
 * per row, either a class index (classification, and clustering ground truth) or a real value
 * (regression). Row-major floats are what ND4J takes without conversion, and one array keeps a
 * 60,000-image partition in one allocation.
 */
public final class Examples {
    private final float[] features;
    private final int featureCount;
    private final int[] classes;
    private final double[] values;

    private Examples(float[] features, int featureCount, int[] classes, double[] values) {
        if (featureCount < 1) {
            throw new IllegalArgumentException("featureCount must be positive, got " + featureCount);
        }
        if (features.length % featureCount != 0) {
            throw new IllegalArgumentException("feature array of length " + features.length
                    + " is not a whole number of rows of " + featureCount);
        }
        int rows = features.length / featureCount;
        int targets = classes != null ? classes.length : values.length;
        if (targets != rows) {
            throw new IllegalArgumentException(rows + " feature rows but " + targets + " targets");
        }
        this.features = features;
        this.featureCount = featureCount;
        this.classes = classes;
        this.values = values;
    }

    /** Examples whose target is a class index in {@code [0, classCount)}; the arrays are not copied. */
    public static Examples classified(float[] features, int featureCount, int[] classes) {
        return new Examples(features, featureCount, Objects.requireNonNull(classes, "classes"), null);
    }

    /** Examples whose target is a real value; the arrays are not copied. */
    public static Examples valued(float[] features, int featureCount, double[] values) {
        return new Examples(features, featureCount, null, Objects.requireNonNull(values, "values"));
    }

    public int size() {
        return features.length / featureCount;
    }

    public int featureCount() {
        return featureCount;
    }

    public boolean hasClasses() {
        return classes != null;
    }

    public int classOf(int row) {
        if (classes == null) {
            throw new IllegalStateException("these examples have real-valued targets, not classes");
        }
        return classes[row];
    }

    public double valueOf(int row) {
        if (values == null) {
            throw new IllegalStateException("these examples have class targets, not real values");
        }
        return values[row];
    }

    public float feature(int row, int column) {
        return features[row * featureCount + column];
    }

    /** A copy of all features, row-major. */
    public float[] featureMatrix() {
        return features.clone();
    }

    /** A copy of the class targets. */
    public int[] classes() {
        if (classes == null) {
            throw new IllegalStateException("these examples have real-valued targets, not classes");
        }
        return classes.clone();
    }

    /** A copy of the real-valued targets. */
    public double[] values() {
        if (values == null) {
            throw new IllegalStateException("these examples have class targets, not real values");
        }
        return values.clone();
    }

    /** The rows at {@code rows}, in that order. */
    public Examples subset(int[] rows) {
        float[] x = new float[rows.length * featureCount];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(features, rows[i] * featureCount, x, i * featureCount, featureCount);
        }
        if (classes != null) {
            int[] y = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = classes[rows[i]];
            }
            return classified(x, featureCount, y);
        }
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = values[rows[i]];
        }
        return valued(x, featureCount, y);
    }

    /** These examples followed by {@code other}'s, which must have the same features and kind of target. */
    public Examples concat(Examples other) {
        if (other.featureCount != featureCount || other.hasClasses() != hasClasses()) {
            throw new IllegalArgumentException("cannot concatenate examples of different shapes or target kinds");
        }
        float[] x = java.util.Arrays.copyOf(features, features.length + other.features.length);
        System.arraycopy(other.features, 0, x, features.length, other.features.length);
        if (classes != null) {
            int[] y = java.util.Arrays.copyOf(classes, classes.length + other.classes.length);
            System.arraycopy(other.classes, 0, y, classes.length, other.classes.length);
            return classified(x, featureCount, y);
        }
        double[] y = java.util.Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, y, values.length, other.values.length);
        return valued(x, featureCount, y);
    }

    /** {@code count} rows drawn uniformly without replacement, seeded, in their original order; all if fewer. */
    public Examples randomSubset(int count, long seed) {
        if (count >= size()) {
            return this;
        }
        int[] rows = java.util.stream.IntStream.range(0, size()).toArray();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(rows.length - i);
            int tmp = rows[i];
            rows[i] = rows[j];
            rows[j] = tmp;
        }
        int[] chosen = java.util.Arrays.copyOf(rows, count);
        java.util.Arrays.sort(chosen);
        return subset(chosen);
    }

    /** The same features with every target erased (class 0, or value 0): what unsupervised methods may see. */
    public Examples withoutLabels() {
        return classes != null ? classified(features, featureCount, new int[size()]) : valued(features, featureCount, new double[size()]);
    }

    /** How many rows have each class, for classes {@code 0..classCount-1}. */
    public int[] classCounts(int classCount) {
        int[] counts = new int[classCount];
        for (int c : classes()) {
            counts[c]++;
        }
        return counts;
    }
}
