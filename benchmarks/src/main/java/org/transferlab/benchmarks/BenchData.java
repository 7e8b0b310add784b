package org.transferlab.benchmarks;

import java.util.SplittableRandom;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.transfer.engine.NetworkSpec;

/**
 * Inputs the benchmarks share. Speed does not depend on what the pixels show, so the network benchmarks
 * use seeded random 28x28 images in [0, 1) with 5 classes, the shape of Fashion-MNIST classes 0-4, and
 * need no data set installed.
 */
final class BenchData {
    static final int SIDE = 28;
    static final int PIXELS = SIDE * SIDE;
    static final int CLASSES = 5;
    static final FeatureShape IMAGE = FeatureShape.image(1, SIDE, SIDE);

    private BenchData() {
    }

    /** {@code count} random images with balanced labels, the same for a given seed. */
    static Examples images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[count * PIXELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            y[i] = i % CLASSES;
        }
        return Examples.classified(x, PIXELS, y);
    }

    /** TransferLab's default networks: MLP 784-256-128-5, CNN conv5x5x20-pool-conv5x5x50-pool-128-5. */
    static NetworkSpec spec(String type, int batchSize) {
        return "cnn".equals(type)
                ? new NetworkSpec(NetworkSpec.Type.CNN, java.util.List.of(128), java.util.List.of(20, 50), 1, batchSize, 1e-3, 1)
                : new NetworkSpec(NetworkSpec.Type.MLP, java.util.List.of(256, 128), java.util.List.of(20, 50), 1, batchSize, 1e-3, 1);
    }
}
