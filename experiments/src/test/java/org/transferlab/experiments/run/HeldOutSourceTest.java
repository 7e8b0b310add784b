package org.transferlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;

/**
 * The held-out source examples a validator reads: never an example of the target (a source label on a target test
 * image would be a target test label), labels renamed to the target's classes, classes the target lacks left out.
 */
class HeldOutSourceTest {
    private static final ExampleOrigin IMAGES = ExampleOrigin.of("images-test", "test images");
    private static final ExampleOrigin TRAIN = ExampleOrigin.of("images-train", "train images");

    /** A domain whose test rows are {@code testRows} of the shared test images, with these classes; feature = row. */
    private static Domain domain(String name, List<String> classes, int[] testRows, int[] testClasses, int[] trainRows) {
        float[] x = new float[testRows.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = testRows[i];
        }
        Examples test = Examples.classified(x, 1, testClasses).withIds(ExampleIds.of(IMAGES, testRows));
        Examples train = Examples.classified(new float[trainRows.length], 1, new int[trainRows.length])
                .withIds(ExampleIds.of(TRAIN, trainRows));
        return new Domain(name, TaskType.CLASSIFICATION, classes, FeatureShape.flat(1), train, new TestPartition(name, test), Map.of());
    }

    @Test
    void examplesThatAreAlsoTheTargetsAreLeftOutAndLabelsAreTheTargetsIndices() {
        // Source test images 0-5; the target's test images are 2 and 3, so 0, 1, 4 and 5 are held out.
        Domain source = domain("src", List.of("a", "b", "c"), new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2, 0, 1, 2},
                new int[] {10, 11});
        Domain target = domain("tgt", List.of("b", "a"), new int[] {2, 3}, new int[] {0, 1}, new int[] {12, 13});
        HeldOutSource held = HeldOutSource.of(source, target, 100, 1);
        assertTrue(held.present(), held.reason());
        // Image 5 is of class c, which the target does not have; images 0 (a), 1 (b), 4 (b) remain.
        float[] rows = held.examples().featureMatrix();
        assertArrayEquals(new float[] {0, 1, 4}, rows);
        assertArrayEquals(new int[] {1, 0, 0}, held.examples().classes(), "a is the target's class 1, b its class 0");
    }

    @Test
    void aSourceWhoseTestImagesAreTheTargetsHoldsOutNothing() {
        Domain source = domain("upright", List.of("a", "b"), new int[] {0, 1, 2}, new int[] {0, 1, 0}, new int[] {10});
        Domain target = domain("rotated", List.of("a", "b"), new int[] {0, 1, 2}, new int[] {0, 1, 0}, new int[] {11});
        HeldOutSource held = HeldOutSource.of(source, target, 100, 1);
        assertFalse(held.present());
        assertEquals("every source test example of the target's classes is also the target's (the same examples, transformed)",
                held.reason());
    }

    @Test
    void theTargetsTrainExamplesAreLeftOutToo() {
        Domain source = domain("src", List.of("a"), new int[] {0, 1}, new int[] {0, 0}, new int[] {10});
        Domain target = new Domain("tgt", TaskType.CLASSIFICATION, List.of("a"), FeatureShape.flat(1),
                Examples.classified(new float[1], 1, new int[1]).withIds(ExampleIds.of(IMAGES, new int[] {1})),
                new TestPartition("tgt", Examples.classified(new float[1], 1, new int[1]).withIds(ExampleIds.of(TRAIN, new int[] {5}))),
                Map.of());
        HeldOutSource held = HeldOutSource.of(source, target, 100, 1);
        assertArrayEquals(new float[] {0}, held.examples().featureMatrix(), "image 1 is the target's train example");
    }

    @Test
    void noClassInCommonHoldsOutNothing() {
        Domain source = domain("0-4", List.of("a", "b"), new int[] {0, 1}, new int[] {0, 1}, new int[] {10});
        Domain target = domain("5-9", List.of("c", "d"), new int[] {2, 3}, new int[] {0, 1}, new int[] {11});
        HeldOutSource held = HeldOutSource.of(source, target, 100, 1);
        assertFalse(held.present());
        assertEquals("the source's classes are not the target's", held.reason());
    }

    @Test
    void examplesWithoutIdentitiesCannotBeShownApart() {
        Domain source = new Domain("src", TaskType.CLASSIFICATION, List.of("a"), FeatureShape.flat(1),
                Examples.classified(new float[1], 1, new int[1]),
                new TestPartition("src", Examples.classified(new float[1], 1, new int[1])), Map.of());
        Domain target = domain("tgt", List.of("a"), new int[] {2}, new int[] {0}, new int[] {11});
        assertFalse(HeldOutSource.of(source, target, 100, 1).present());
    }
}
