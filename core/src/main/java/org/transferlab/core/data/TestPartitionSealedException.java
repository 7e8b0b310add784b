package org.transferlab.core.data;

/** Thrown when code that fits or selects a model tries to read a target's test partition. */
public final class TestPartitionSealedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TestPartitionSealedException(String message) {
        super(message);
    }
}
