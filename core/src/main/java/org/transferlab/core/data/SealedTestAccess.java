package org.transferlab.core.data;

import java.util.function.Supplier;

/**
 * Keeps target test partitions shut while a model is being fitted or selected.
 *
 * <p>The harness runs every strategy's fit inside {@link #sealed(Supplier)}; any attempt to open a
 * {@link TestPartition} on that thread, even through a domain the strategy loaded itself, fails with
 * {@link TestPartitionSealedException}. The thread-local is the one piece of static state here on
 * purpose: it must reach code the harness does not control, and it is scoped to one fit on one thread.
 * A strategy that hands work to threads of its own is outside this guard, and is still never given a
 * test partition by the harness.
 */
public final class SealedTestAccess {
    private static final ThreadLocal<String> SEALED_BY = new ThreadLocal<>();

    private SealedTestAccess() {
    }

    /** Runs {@code fitting} with every test partition sealed on this thread; {@code who} names it in errors. */
    public static <T> T sealed(String who, Supplier<T> fitting) {
        String previous = SEALED_BY.get();
        SEALED_BY.set(who);
        try {
            return fitting.get();
        } finally {
            if (previous == null) {
                SEALED_BY.remove();
            } else {
                SEALED_BY.set(previous);
            }
        }
    }

    static void checkOpen(String domain) {
        String who = SEALED_BY.get();
        if (who != null) {
            throw new TestPartitionSealedException("the test partition of domain '" + domain
                    + "' was opened while fitting " + who
                    + "; fitting and model selection may use only the label budget's train and validation data");
        }
    }
}
