package org.transferlab.core.loader;

import java.util.Optional;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;

/**
 * Turns a config's domain description into a {@link Domain}. A loader is a plugin: it is registered
 * under a kebab-case name with {@link LoaderBindings#domainLoader} and its
 * parameters are a record whose components the config binds by name (kebab-case in YAML, defaults
 * from {@link org.transferlab.core.plugin.Default}); the record's constructor validates them.
 *
 * <p>Loaders must be deterministic: the same parameters and context give the same domain. They must
 * fail with a {@link org.transferlab.core.TransferLabException} that names the file and the line or
 * record when data is missing or malformed. Implementations are stateless and thread-safe.
 *
 * <p><b>Keeping source and target apart.</b> The harness pairs domains, trains a source model on one
 * and scores it on the other's test partition, so no example a source trains on may be in a target's
 * test partition. A loader keeps them apart by construction:
 * <ul>
 *   <li>It splits each file into train and test once, over all of the file's rows, whatever a domain's
 *       filter or other settings; a domain then takes its rows on each side. Two domains of one file
 *       whose parameters would draw different splits cannot both hold: {@link #splitConflict} says so,
 *       and the config is refused.</li>
 *   <li>It loads only the part of the train partition that {@link LoadContext#share()} names. The
 *       halves are taken within the file's train rows, so two domains of one file get disjoint halves
 *       whatever their filters.</li>
 *   <li>It identifies every example it loads ({@link org.transferlab.core.data.Examples#withIds}): the
 *       origin (for a file, the SHA-256 of its content) and the row there, on the train and the test
 *       partition alike, and the same example gets the same identity in every domain that holds it.</li>
 * </ul>
 * The harness does not take the loader's word for it: before anything trains it compares identities
 * and refuses a study in which a source's train partition holds a target's test example, a target's
 * train and test partitions share an example, or halves it gave a pair overlap. Identities are
 * optional, but a domain without them cannot be paired with one that reads the same data (as
 * {@link #sharesExamples} or a common file in their provenance says), since nothing could be checked.
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

    /**
     * Why domains with these two parameter sets cannot be paired, if they cannot: they read the same
     * data but ask for different train/test splits of it (another test fraction or split seed), so
     * one split could not serve both. Known from the parameters alone, so a config is refused before
     * any data is read. Empty (the default) for a loader whose data comes split, or that never shares.
     */
    default Optional<SplitConflict> splitConflict(P first, P second) {
        return Optional.empty();
    }
}
