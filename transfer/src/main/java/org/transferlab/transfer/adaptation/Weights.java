package org.transferlab.transfer.adaptation;

/** Checks of the loss weights the strategies of this package take. */
final class Weights {
    private Weights() {
    }

    static void requireNonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a non-negative number, got " + value);
        }
    }
}
