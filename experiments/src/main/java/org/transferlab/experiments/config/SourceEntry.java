package org.transferlab.experiments.config;

/**
 * What a pair transfers from: a source domain, whose examples a source network is trained on (and which the
 * strategies that learn from source data read), or a pretrained model file, which brings a network and no
 * examples, or several source domains combined ({@link SourceGroup}), or nothing ({@link NoSource}) for a study of
 * no-transfer strategies alone.
 */
public sealed interface SourceEntry permits DomainEntry, ModelEntry, NoSource, SourceGroup {
    /** The name the config declares it under, unique among domains and models. */
    String name();

    /** The canonical description that seeds, cell ids and cache keys are derived from. */
    String canonical();

    /** Where it is declared, for messages. */
    int line();
}
