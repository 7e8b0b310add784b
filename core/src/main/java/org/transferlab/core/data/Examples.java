package org.transferlab.core.data;

import java.util.Objects;
import java.util.Optional;

/**
 * An immutable block of examples: a row-major {@code size x featureCount} float matrix and one target
 * per row, either a class index (classification, and clustering ground truth) or a real value
 * (regression). Row-major floats are what ND4J takes without conversion, and one array keeps a
 * 60,000-image partition in one allocation.
 *
 * <p>Examples a loader read may carry their identities ({@link #withIds}): where each row came from,
 * so that the harness can prove a source never trains on a target's test examples. Identities follow
 * the rows through {@link #subset}, {@link #randomSubset} and {@link #withoutLabels}, so a label
 * budget knows which examples it holds. {@link #concat} keeps them when both sides have them, whatever
 * their origins, and drops them when either side has none: a block is identified row by row or not
 * at all. Examples built from new feature values (embeddings, standardised copies) have none.
 */
public final class Examples {
    private final float[] features;
    private final int featureCount;
    private final int[] classes;
    private final double[] values;
    private final ExampleIds ids;

    private Examples(float[] features, int featureCount, int[] classes, double[] values) {
        this(features, featureCount, classes, values, null);
    }

    private Examples(float[] features, int featureCount, int[] classes, double[] values, ExampleIds ids) {
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
        if (ids != null && ids.size() != rows) {
            throw new IllegalArgumentException(rows + " rows but " + ids.size() + " identities");
        }
        this.ids = ids;
    }

    /** Examples whose target is a class index in {@code [0, classCount)}; the arrays are not copied. */
    public static Examples classified(float[] features, int featureCount, int[] classes) {
        return new Examples(features, featureCount, Objects.requireNonNull(classes, "classes"), null);
    }

    /** Examples whose target is a real value; the arrays are not copied. */
    public static Examples valued(float[] features, int featureCount, double[] values) {
        return new Examples(features, featureCount, null, Objects.requireNonNull(values, "values"));
    }

    /** The same examples, identified by {@code ids} (one per row). */
    public Examples withIds(ExampleIds ids) {
        return new Examples(features, featureCount, classes, values, Objects.requireNonNull(ids, "ids"));
    }

    /** Where each row came from, when the loader said so. */
    public Optional<ExampleIds> ids() {
        return Optional.ofNullable(ids);
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

    /** The features, one array per row: the form density-ratio and kernel estimators read. */
    public double[][] featureRows() {
        double[][] rows = new double[size()][featureCount];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < featureCount; j++) {
                rows[i][j] = features[i * featureCount + j];
            }
        }
        return rows;
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

    /** The rows at {@code rows}, in that order, with their identities. */
    public Examples subset(int[] rows) {
        float[] x = new float[rows.length * featureCount];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(features, rows[i] * featureCount, x, i * featureCount, featureCount);
        }
        ExampleIds chosen = ids == null ? null : ids.subset(rows);
        if (classes != null) {
            int[] y = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = classes[rows[i]];
            }
            return new Examples(x, featureCount, y, null, chosen);
        }
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = values[rows[i]];
        }
        return new Examples(x, featureCount, null, y, chosen);
    }

    /**
     * These examples followed by {@code other}'s, which must have the same features and kind of target.
     * The result has identities when both have them, and none when either has none.
     */
    public Examples concat(Examples other) {
        if (other.featureCount != featureCount || other.hasClasses() != hasClasses()) {
            throw new IllegalArgumentException("cannot concatenate examples of different shapes or target kinds");
        }
        float[] x = java.util.Arrays.copyOf(features, features.length + other.features.length);
        System.arraycopy(other.features, 0, x, features.length, other.features.length);
        ExampleIds both = ids != null && other.ids != null ? ids.concat(other.ids) : null;
        if (classes != null) {
            int[] y = java.util.Arrays.copyOf(classes, classes.length + other.classes.length);
            System.arraycopy(other.classes, 0, y, classes.length, other.classes.length);
            return new Examples(x, featureCount, y, null, both);
        }
        double[] y = java.util.Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, y, values.length, other.values.length);
        return new Examples(x, featureCount, null, y, both);
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

    /**
     * The same features and identities with every target erased (class 0, or value 0): what
     * unsupervised methods may see.
     */
    public Examples withoutLabels() {
        return classes != null ? new Examples(features, featureCount, new int[size()], null, ids)
                : new Examples(features, featureCount, null, new double[size()], ids);
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
