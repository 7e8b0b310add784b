package org.transferlab.experiments.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.transferlab.transfer.TransferContext;

/**
 * Source-derived models that strategies make for themselves (a regression network pretrained on the
 * source), kept for one run and shared by the cells of the same source domain and seed. Each is computed
 * once: a second cell asking for it while the first computes waits for that result. A failed computation
 * is not kept, so the next cell tries again.
 */
final class SourceArtifactCache {
    private final ConcurrentMap<String, CompletableFuture<Object>> artifacts = new ConcurrentHashMap<>();

    /** The view one cell gets: keys are scoped by its source domain and seed. */
    TransferContext.SourceArtifacts forSource(String sourceKey) {
        return new TransferContext.SourceArtifacts() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(String key, Supplier<T> compute) {
                String scoped = sourceKey + "/" + key;
                CompletableFuture<Object> mine = new CompletableFuture<>();
                CompletableFuture<Object> existing = artifacts.putIfAbsent(scoped, mine);
                if (existing != null) {
                    try {
                        return (T) existing.join();
                    } catch (java.util.concurrent.CompletionException e) {
                        throw e.getCause() instanceof RuntimeException cause ? cause : e;
                    }
                }
                try {
                    T value = compute.get();
                    mine.complete(value);
                    return value;
                } catch (RuntimeException | Error e) {
                    artifacts.remove(scoped, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
        };
    }
}
