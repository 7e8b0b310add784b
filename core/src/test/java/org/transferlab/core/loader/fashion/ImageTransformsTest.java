package org.transferlab.core.loader.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ImageTransformsTest {
    @Test
    void rotationByNinetyDegreesMovesARowToAColumn() {
        // A 3x3 image with its top row lit; rotating counter-clockwise by 90 degrees lights the left column.
        float[] image = {1, 1, 1, 0, 0, 0, 0, 0, 0};
        new ImageTransforms(90, false, 0, 0).apply(image, 3, 3, 0);
        float[] expected = {1, 0, 0, 1, 0, 0, 1, 0, 0};
        for (int i = 0; i < 9; i++) {
            assertEquals(expected[i], image[i], 1e-6, "pixel " + i);
        }
    }

    @Test
    void inversionMapsPToOneMinusP() {
        float[] image = {0f, 0.25f, 1f};
        new ImageTransforms(0, true, 0, 0).apply(image, 1, 3, 0);
        assertArrayEquals(new float[] {1f, 0.75f, 0f}, image);
    }

    @Test
    void noiseDependsOnTheImageAndSeedOnly() {
        float[] a = new float[16];
        float[] b = new float[16];
        float[] c = new float[16];
        ImageTransforms noise = new ImageTransforms(0, false, 0.35, 7);
        noise.apply(a, 4, 4, 42);
        noise.apply(b, 4, 4, 42);
        noise.apply(c, 4, 4, 43);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }
}
