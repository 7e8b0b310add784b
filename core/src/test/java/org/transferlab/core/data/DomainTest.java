package org.transferlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainTest {
    @Test
    void theProvenanceKeepsTheLoadersOrderAndCannotBeChanged() {
        Map<String, String> provenance = new LinkedHashMap<>();
        List<String> keys = List.of("file", "sha256", "rows-dropped-missing-target", "rows-imputed", "cells-imputed-by-column",
                "imputed-train-values", "a", "z", "m", "b", "y", "c", "x", "d", "w", "e");
        keys.forEach(k -> provenance.put(k, k));
        Examples examples = Examples.valued(new float[] {1, 2}, 1, new double[] {1, 2});
        Domain domain = new Domain("d", TaskType.REGRESSION, List.of(), FeatureShape.flat(1), examples,
                new TestPartition("d", examples), provenance);
        assertEquals(keys, List.copyOf(domain.provenance().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> domain.provenance().put("k", "v"));
    }
}
