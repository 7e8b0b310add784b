package org.transferlab.experiments.run;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.transferlab.transfer.network.SourceModel;

/**
 * Trains each source model once per distinct (source domain, train share, network, seed) and hands the
 * same model to every cell that transfers from it. Counts trainings and reuses for the run summary.
 */
public final class SourceModelCache {
    private final Map<Long, SourceModel> models = new HashMap<>();
    private int trained;
    private int reused;

    /** Result of one lookup: the model and whether this lookup trained it, and how long that took. */
    public record Lookup(SourceModel model, boolean trained, double seconds) {
    }

    public Lookup get(long key, Supplier<SourceModel> training) {
        SourceModel cached = models.get(key);
        if (cached != null) {
            reused++;
            return new Lookup(cached, false, 0);
        }
        long start = System.nanoTime();
        SourceModel model = training.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        models.put(key, model);
        trained++;
        return new Lookup(model, true, seconds);
    }

    public int trained() {
        return trained;
    }

    public int reused() {
        return reused;
    }
}
