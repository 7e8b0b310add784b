package org.transferlab.core.loader.autompg;

import java.nio.file.Path;
import org.transferlab.core.TransferLabException;

/**
 * Mean imputation whose statistics come from the train rows only: a test row's values never shape
 * what a missing value is replaced with, so the test partition stays unseen.
 */
final class TrainMeans {
    private TrainMeans() {
    }

    /** Per column of the row-major {@code x}, the mean of the non-NaN values in {@code trainRows}. */
    static float[] of(Path file, Origin origin, float[] x, int columns, int[] trainRows) {
        double[] sums = new double[columns];
        int[] counts = new int[columns];
        for (int row : trainRows) {
            for (int j = 0; j < columns; j++) {
                float value = x[row * columns + j];
                if (!Float.isNaN(value)) {
                    sums[j] += value;
                    counts[j]++;
                }
            }
        }
        float[] means = new float[columns];
        for (int j = 0; j < columns; j++) {
            if (counts[j] == 0) {
                throw new TransferLabException(file + ": no train row of origin " + origin.label() + " has a value for "
                        + AutoMpgLoader.FEATURES.get(j) + ", so it cannot be imputed; use missing: drop");
            }
            means[j] = (float) (sums[j] / counts[j]);
        }
        return means;
    }

    /** Replaces every NaN in {@code x} (train and test rows alike) with its column's mean. */
    static void fill(float[] x, int columns, float[] means) {
        for (int i = 0; i < x.length; i++) {
            if (Float.isNaN(x[i])) {
                x[i] = means[i % columns];
            }
        }
    }
}
