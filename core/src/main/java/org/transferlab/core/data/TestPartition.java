package org.transferlab.core.data;

import java.util.Objects;
import java.util.Optional;

/**
 * A domain's held-out test examples. Only the harness's evaluation step opens it: strategies are
 * never handed one, and {@link #open()} fails while any model is being fitted on the same thread
 * (see {@link SealedTestAccess}).
 */
public final class TestPartition {
    private final String domain;
    private final Examples examples;

    public TestPartition(String domain, Examples examples) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.examples = Objects.requireNonNull(examples, "examples");
    }

    /** The number of test examples; safe to report, reveals nothing a model could fit to. */
    public int size() {
        return examples.size();
    }

    /**
     * Which examples the partition holds (files and rows, not their features or targets), when the
     * loader identified them: what the harness compares, before any training, to prove that no source
     * trains on these examples. Sealed like {@link #open()}: a strategy that knew the test rows could
     * read them from the file.
     */
    public Optional<ExampleIds> ids() {
        SealedTestAccess.checkOpen(domain);
        return examples.ids();
    }

    /** The test examples, for evaluation only. */
    public Examples open() {
        SealedTestAccess.checkOpen(domain);
        return examples;
    }
}
