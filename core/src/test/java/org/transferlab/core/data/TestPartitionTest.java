package org.transferlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TestPartitionTest {
    private final Examples examples = Examples.classified(new float[] {1, 2, 3, 4}, 2, new int[] {0, 1});
    private final TestPartition partition = new TestPartition("target", examples);

    @Test
    void theHarnessCanOpenItOutsideFitting() {
        assertSame(examples, partition.open());
        assertEquals(2, partition.size());
    }

    @Test
    void openingItWhileFittingFails() {
        TestPartitionSealedException e = assertThrows(TestPartitionSealedException.class,
                () -> SealedTestAccess.sealed("strategy 'cheat'", partition::open));
        assertTrue(e.getMessage().startsWith("the test partition of domain 'target' was opened while fitting strategy 'cheat'"),
                e.getMessage());
    }

    @Test
    void theSealIsLiftedAfterFittingEvenWhenItThrows() {
        assertThrows(IllegalStateException.class, () -> SealedTestAccess.sealed("x", () -> {
            throw new IllegalStateException("diverged");
        }));
        assertSame(examples, partition.open());
    }
}
