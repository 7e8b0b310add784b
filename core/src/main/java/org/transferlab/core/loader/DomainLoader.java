package org.transferlab.core.loader;

import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;

/**
 * Turns a config's domain description into a {@link Domain}. A loader is a plugin: it is registered
 * under a kebab-case name with {@link org.transferlab.core.plugin.PluginBindings#domainLoader} and its
 * parameters are a record whose components the config binds by name (kebab-case in YAML, defaults
 * from {@link org.transferlab.core.plugin.Default}); the record's constructor validates them.
 *
 * <p>Loaders must be deterministic: the same parameters and context give the same domain. They must
 * fail with a {@link org.transferlab.core.TransferLabException} that names the file and the line or
 * record when data is missing or malformed. Implementations are stateless and thread-safe.
 *
 * @param <P> the parameter record
 */
public interface DomainLoader<P extends Record> {

    /** The record type the config's domain entry is bound to. */
    Class<P> parametersType();

    /** The task of the domain these parameters describe, known without loading any data. */
    TaskType task(P parameters);

    /** Loads the domain named {@code name}; a corrupt or missing file is an error naming it. */
    Domain load(String name, P parameters, LoadContext context);

    /**
     * Whether domains with these two parameter sets are drawn from the same underlying train examples,
     * so that a source and a target made from them must use disjoint {@link TrainShare} halves.
     */
    default boolean sharesExamples(P first, P second) {
        return false;
    }
}
