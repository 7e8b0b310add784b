package org.transferlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StandardizerTest {
    @Test
    void statisticsComeFromTheFittedExamplesOnlyAndApplyUnchangedToOthers() {
        Examples train = Examples.valued(new float[] {1, 10, 3, 10, 5, 10}, 2, new double[] {0, 0, 0});
        Examples test = Examples.valued(new float[] {100, -7}, 2, new double[] {0});
        Standardizer s = Standardizer.fit(train);
        assertEquals(3, s.mean(0), 1e-12);
        assertEquals(Math.sqrt(8.0 / 3), s.standardDeviation(0), 1e-12);
        // A feature constant in training keeps scale 1 instead of dividing by zero.
        assertEquals(1, s.standardDeviation(1), 0);
        Examples z = s.apply(test);
        assertEquals((100 - 3) / Math.sqrt(8.0 / 3), z.feature(0, 0), 1e-4);
        assertEquals(-17, z.feature(0, 1), 1e-6);
        // Standardising the test set does not move the statistics (they are fixed at fit time).
        assertEquals(3, s.mean(0), 1e-12);
    }
}
