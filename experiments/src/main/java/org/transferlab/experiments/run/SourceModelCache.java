package org.transferlab.experiments.run;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.transferlab.transfer.engine.SourceModel;

/**
 * Trains each source model once per distinct (source domain, train share, network, seed) and hands the
 * same model to every cell that transfers from it. Thread-safe: when two workers ask for the same
 * model, one trains it and the other waits for it. Counts trainings and reuses for the run summary.
 */
public final class SourceModelCache {
    private final ConcurrentHashMap<Long, FutureTask<SourceModel>> models = new ConcurrentHashMap<>();
    private final AtomicInteger trained = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();

    /** Result of one lookup: the model and whether this lookup trained it, and how long that took. */
    public record Lookup(SourceModel model, boolean trained, double seconds) {
    }

    public Lookup get(long key, Supplier<SourceModel> training) {
        FutureTask<SourceModel> created = new FutureTask<>(training::get);
        FutureTask<SourceModel> existing = models.putIfAbsent(key, created);
        long start = System.nanoTime();
        if (existing == null) {
            created.run();
        }
        SourceModel model = await(existing == null ? created : existing);
        if (existing == null) {
            trained.incrementAndGet();
            return new Lookup(model, true, (System.nanoTime() - start) / 1e9);
        }
        reused.incrementAndGet();
        return new Lookup(model, false, 0);
    }

    private SourceModel await(FutureTask<SourceModel> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a source model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("training a source model failed", e.getCause());
        }
    }

    public int trained() {
        return trained.get();
    }

    public int reused() {
        return reused.get();
    }
}
