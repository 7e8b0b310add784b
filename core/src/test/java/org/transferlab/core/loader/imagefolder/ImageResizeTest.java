package org.transferlab.core.loader.imagefolder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Expected values worked out by hand from the rules in {@link ImageResize}'s Javadoc. */
class ImageResizeTest {
    @Test
    void theSameSizeIsLeftAsItIs() {
        float[] values = {0.1f, 0.2f, 0.3f, 0.4f};
        assertSame(values, ImageResize.resize(values, 1, 2, 2, 2, 2));
    }

    @Test
    void shrinkingAveragesTheCoveredPixelsByHowMuchOfEachIsCovered() {
        // Three pixels become two: each output covers one and a half input pixels.
        assertArrayEquals(new float[] {(0.3f + 0.5f * 0.6f) / 1.5f, (0.5f * 0.6f + 0.9f) / 1.5f},
                ImageResize.resize(new float[] {0.3f, 0.6f, 0.9f}, 1, 3, 1, 2, 1), 1e-6f);
        // A 2x2 block becomes its mean, in each channel on its own.
        assertArrayEquals(new float[] {0.25f, 0.75f}, ImageResize.resize(new float[] {0, 0.5f, 0, 0.5f, 1, 0.5f, 1, 0.5f},
                2, 2, 2, 1, 1), 1e-6f);
    }

    @Test
    void growingInterpolatesBetweenPixelCentresWithTheEdgesClamped() {
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, ImageResize.resize(new float[] {0, 1}, 1, 2, 1, 4, 1), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 0.25f, 0.25f, 0.75f, 0.75f, 1, 1},
                ImageResize.resize(new float[] {0, 1}, 1, 1, 2, 2, 4), 1e-6f);
    }

    @Test
    void aConstantImageStaysConstantAndValuesStayInZeroToOne() {
        float[] ones = new float[7 * 5];
        java.util.Arrays.fill(ones, 1f);
        for (float v : ImageResize.resize(ones, 1, 7, 5, 3, 11)) {
            assertArrayEquals(new float[] {1f}, new float[] {v});
        }
    }
}
