package org.transferlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;

class SourceUnionTest {
    private static Domain domain(String name, List<String> classes, int[] labels, float first) {
        float[] x = new float[labels.length * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = first + i;
        }
        Examples examples = Examples.classified(x, 2, labels).withIds(ExampleIds.range(ExampleOrigin.of("generated:" + name, name), labels.length));
        return new Domain(name, TaskType.CLASSIFICATION, classes, FeatureShape.flat(2), examples,
                new TestPartition(name, examples), Map.of("file", name + ".csv"));
    }

    @Test
    void theUnionKeepsEveryExampleAndItsIdentityAndMapsEachClassByName() {
        Domain a = domain("a", List.of("cat", "dog"), new int[] {0, 1, 1}, 0);
        Domain b = domain("b", List.of("dog", "bird"), new int[] {0, 1}, 100);
        Domain union = SourceUnion.of("a+b", List.of(a, b));
        assertEquals(List.of("cat", "dog", "bird"), union.classNames());
        assertArrayEquals(new int[] {0, 1, 1, 1, 2}, union.train().classes(), "b's dog is the union's dog, its bird is new");
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 100, 101, 102, 103}, union.train().featureMatrix());
        assertEquals(5, union.train().ids().orElseThrow().size(), "identities survive, for the disjointness proof");
        assertEquals(5, union.test().size());
        assertEquals(Map.of("a.file", "a.csv", "b.file", "b.csv"), union.provenance());
    }

    @Test
    void sourcesOfDifferentShapesAreRefusedNamingBoth() {
        Domain a = domain("a", List.of("cat"), new int[] {0}, 0);
        Examples wide = Examples.classified(new float[3], 3, new int[] {0});
        Domain b = new Domain("b", TaskType.CLASSIFICATION, List.of("cat"), FeatureShape.flat(3), wide,
                new TestPartition("b", wide), Map.of());
        String message = assertThrows(TransferLabException.class, () -> SourceUnion.of("a+b", List.of(a, b))).getMessage();
        assertTrue(message.startsWith("sources 'a' (classification, ") && message.contains("and 'b' (classification, "), message);
    }
}
