package org.transferlab.experiments.config;

import java.util.Optional;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.SplitConflict;

/**
 * A domain as the config declares it: its name, its loader and the loader's bound parameters.
 *
 * @param line where the domain is declared, for messages
 */
public record DomainEntry(String name, String loaderName, DomainLoader<?> loader, Record parameters, int line)
        implements SourceEntry {

    public TaskType task() {
        return taskOf(loader, parameters);
    }

    public Domain load(LoadContext context) {
        return loadWith(loader, name, parameters, context);
    }

    /** Whether this domain and {@code other} are made from the same underlying examples. */
    public boolean sharesExamplesWith(DomainEntry other) {
        return loader == other.loader && sharesWith(loader, parameters, other.parameters);
    }

    /**
     * Why this domain and {@code other} cannot be paired, if they cannot: one loader, the same data,
     * two different train/test splits of it.
     */
    public Optional<SplitConflict> splitConflictWith(DomainEntry other) {
        return loader == other.loader ? conflict(loader, parameters, other.parameters) : Optional.empty();
    }

    /** The canonical description that seeds and cell ids are derived from. */
    public String canonical() {
        return name + ":" + loaderName + ":" + parameters;
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> TaskType taskOf(DomainLoader<P> loader, Record parameters) {
        return loader.task((P) parameters);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Domain loadWith(DomainLoader<P> loader, String name, Record parameters, LoadContext context) {
        return loader.load(name, (P) parameters, context);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Optional<SplitConflict> conflict(DomainLoader<P> loader, Record first, Record second) {
        return loader.splitConflict((P) first, (P) second);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> boolean sharesWith(DomainLoader<P> loader, Record first, Record second) {
        return loader.sharesExamples((P) first, (P) second);
    }
}
