package org.transferlab.experiments.run;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.transferlab.core.data.Examples;

/**
 * A target's train partition embedded by one source model at one layer, computed once per run and
 * shared by every cell (strategy, budget) that needs it; thread-safe like {@link SourceModelCache}.
 * Only train partitions are cached: test examples are embedded by the predictor at evaluation time.
 */
public final class EmbeddingCache {
    private final ConcurrentHashMap<String, FutureTask<Examples>> embeddings = new ConcurrentHashMap<>();
    private final AtomicInteger computed = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();

    public Examples get(String key, Supplier<Examples> embedding) {
        FutureTask<Examples> created = new FutureTask<>(embedding::get);
        FutureTask<Examples> existing = embeddings.putIfAbsent(key, created);
        if (existing == null) {
            created.run();
            computed.incrementAndGet();
        } else {
            reused.incrementAndGet();
        }
        try {
            return (existing == null ? created : existing).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embeddings", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("computing embeddings failed", e.getCause());
        }
    }

    public int computed() {
        return computed.get();
    }

    public int reused() {
        return reused.get();
    }
}
