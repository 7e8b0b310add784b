package org.transferlab.transfer.clustering;

import org.transferlab.transfer.engine.SourceModel;

/** Resolves a strategy's {@code layer} parameter against the source network. */
final class SourceLayer {
    private SourceLayer() {
    }

    static void validate(int layer) {
        if (layer < -1) {
            throw new IllegalArgumentException("layer must be a hidden layer index or -1 for the last, got " + layer);
        }
    }

    /** The 0-based hidden layer: {@code layer}, or the last hidden layer for -1. */
    static int resolve(int layer, SourceModel source) {
        int last = source.lastHiddenLayer();
        int resolved = layer < 0 ? last : layer;
        if (resolved > last) {
            throw new IllegalArgumentException("layer " + layer + " is past the source network's last hidden layer " + last);
        }
        return resolved;
    }
}
