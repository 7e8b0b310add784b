package org.transferlab.experiments.run;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.transferlab.core.data.Domain;
import org.transferlab.experiments.config.ModelEntry;
import org.transferlab.experiments.config.NoSource;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;

/**
 * The first stage of a cell: its source model, resolved before the strategy fits, and only for a strategy that reads
 * one. Each distinct model is made once per run and shared: trained on the source domain (its learning curve written
 * to the run directory, the model saved to the {@link SourceModelStore}), loaded from that store, or read from the
 * config's model file. Thread-safe; counts what it did for the run's summary.
 */
final class SourceModels {
    private final SourceModelStore store;
    private final Consumer<String> progress;
    private final SourceModelCache cache = new SourceModelCache();
    private final Set<Long> loadedFromStore = ConcurrentHashMap.newKeySet();
    private final Set<Long> readFromFile = ConcurrentHashMap.newKeySet();

    /**
     * A cell's source model, if it has one.
     *
     * @param model     the model; empty when the cell's strategy reads none, or the pair has no source
     * @param trainedBy whether this cell trained it (not reused, loaded or read from a file)
     * @param seconds   what training it cost this cell (0 otherwise)
     */
    record Resolved(Optional<SourceModel> model, boolean trainedBy, double seconds) {
        static final Resolved NONE = new Resolved(Optional.empty(), false, 0);

        Resolved {
            if (!trainedBy && seconds != 0) {
                throw new IllegalArgumentException("only a cell that trained its source model spent time on it");
            }
        }
    }

    SourceModels(SourceModelStore store, Consumer<String> progress) {
        this.store = store;
        this.progress = progress;
    }

    /** The source model of {@code cell}, whose source domain (when it has one) was loaded as {@code source}. */
    Resolved resolve(Cell cell, Optional<Domain> source, RunDirectory run) {
        if (!cell.strategy().usesSourceModel() || cell.source() instanceof NoSource) {
            return Resolved.NONE;
        }
        SourceModelCache.Lookup lookup = cache.get(cell.sourceSeed(), () -> cell.source() instanceof ModelEntry model
                ? readFile(model, cell) : trainOrLoad(source.orElseThrow(), cell, run));
        boolean trainedHere = lookup.trained() && !loadedFromStore.contains(cell.sourceSeed())
                && !readFromFile.contains(cell.sourceSeed());
        return new Resolved(Optional.of(lookup.model()), trainedHere, trainedHere ? lookup.seconds() : 0);
    }

    /**
     * The source model of {@code cell}'s pair and seed whatever its strategy reads, for a forecast made before any
     * cell runs: trained, loaded from the store or read from the model file as for a cell, and kept in the store for
     * the run that follows. Its training curve is written nowhere, since a forecast has no run directory.
     */
    SourceModel modelOf(Cell cell, Optional<Domain> source) {
        if (cell.source() instanceof NoSource) {
            throw new IllegalArgumentException("pair " + NoSource.NAME + " → " + cell.target().name() + " has no source model");
        }
        return cache.get(cell.sourceSeed(), () -> cell.source() instanceof ModelEntry model
                ? readFile(model, cell) : trainOrLoad(source.orElseThrow(), cell, null)).model();
    }

    int trained() {
        return cache.trained() - loadedFromStore.size() - readFromFile.size();
    }

    int loaded() {
        return loadedFromStore.size();
    }

    int fromFiles() {
        return readFromFile.size();
    }

    int reused() {
        return cache.reused();
    }

    /** A model file's network, read when the config was loaded, as the source model of every cell of its pairs. */
    private SourceModel readFile(ModelEntry model, Cell cell) {
        readFromFile.add(cell.sourceSeed());
        progress.accept("using model file " + model.model().file() + " (SHA-256 " + model.model().sha256().substring(0, 12)
                + ", cut at layer " + model.model().cutAt() + ") as the source model '" + model.name() + "'");
        return model.model().sourceModel(cell.network());
    }

    /** @param run where its training curve goes; {@code null} for none */
    private SourceModel trainOrLoad(Domain source, Cell cell, RunDirectory run) {
        String key = SourceModelStore.key(cell, source.provenance());
        return store.exclusively(key, () -> {
            Optional<SourceModel> stored = store.load(key, cell, source.classNames(), source.shape());
            if (stored.isPresent()) {
                loadedFromStore.add(cell.sourceSeed());
                progress.accept("loaded the source model for " + source.name() + " (seed " + cell.seedIndex() + ") from the cache");
                return stored.get();
            }
            progress.accept("training the source model on " + source.name() + " (" + source.train().size()
                    + " examples, " + cell.network().type().name().toLowerCase() + ", " + cell.network().epochs()
                    + " epochs, seed " + cell.seedIndex() + ")");
            CurveBuffer curve = new CurveBuffer();
            SourceModel model = SourceTrainer.train(source, cell.network(), cell.sourceSeed(), curve);
            if (run != null) {
                run.write(RunDirectory.CURVES + "/source-" + Long.toHexString(cell.sourceSeed()) + ".csv", curve.csv());
            }
            store.save(key, model);
            return model;
        });
    }
}
