package org.transferlab.experiments.config;

import java.util.List;
import java.util.Map;
import org.transferlab.transfer.engine.NetworkSpec;

/**
 * A loaded, validated experiment config: every name resolved to its plugin, every parameter bound
 * and checked. Two configs with the same values describe the same study.
 *
 * @param file       the config file, for messages and provenance
 * @param text       the config's exact text, copied into the run directory
 * @param settings   the study's name, seeds and data directory
 * @param domains    domains by name, in declaration order
 * @param models     pretrained source networks by name, in declaration order; empty when no pair has one
 * @param pairs      source-target pairs, in declaration order
 * @param network    the source network
 * @param strategies strategies in declaration order
 * @param budgets    the label budgets of the grid
 * @param selection  how cells choose among candidates, and every registered validator
 */
public record ExperimentConfig(String file, String text, StudySettings settings, Map<String, DomainEntry> domains,
                               Map<String, ModelEntry> models, List<PairEntry> pairs, NetworkSpec network,
                               List<StrategyEntry> strategies, BudgetGrid budgets, SelectionSetting selection) {
    public ExperimentConfig {
        domains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(domains));
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        pairs = List.copyOf(pairs);
        strategies = List.copyOf(strategies);
    }

    /** A pair's source: the domain or the model declared under {@code name}. */
    public SourceEntry source(String name) {
        if (name.equals(NoSource.ABSENT)) {
            return NoSource.INSTANCE;
        }
        SourceEntry source = domains.containsKey(name) ? domains.get(name) : models.get(name);
        if (source == null) {
            throw new IllegalArgumentException("no domain or model '" + name + "'");
        }
        return source;
    }

    /**
     * What the study is, in one string: everything that decides its cells and their results, and
     * nothing that does not (the description, the data directory, comments and layout of the file).
     */
    /** The task of the study's targets (the config loader makes sure they all have the same). */
    public org.transferlab.core.data.TaskType task() {
        return domains.get(pairs.get(0).target()).task();
    }

    public String canonical() {
        StringBuilder out = new StringBuilder();
        out.append("name=").append(settings.name()).append("\nseed=").append(settings.seed())
                .append("\nseeds=").append(settings.seeds()).append("\noverfit-gap=").append(settings.overfitGap())
                .append("\noverfit-ratio=").append(settings.overfitRatio())
                .append("\noverfit-min-validation=").append(settings.overfitMinValidation());
        domains.values().forEach(d -> out.append("\ndomain=").append(d.canonical()));
        // Only when there are models: the digests of configs without any stay what they were.
        models.values().forEach(m -> out.append("\nmodel=").append(m.canonical()));
        pairs.forEach(p -> out.append("\npair=").append(p.canonical()));
        out.append("\nnetwork=").append(network);
        strategies.forEach(s -> out.append("\nstrategy=").append(s.canonical()));
        out.append("\nbudgets=").append(budgets);
        // Only when not the default: the digests of configs without the key stay what they were.
        if (!selection.isDefault()) {
            out.append("\nselection=").append(selection.name());
        }
        return out.toString();
    }

    /** SHA-256 of {@link #canonical()}, in hex: a run directory remembers it. */
    public String digest() {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * How many source-target pairs the grid studies: one per pair of one source or none, and for a pair of several
     * sources each of them on its own and then all together.
     */
    public int studiedPairs() {
        return pairs.stream().mapToInt(p -> p.hasSeveralSources() ? p.sources().size() + 1 : 1).sum();
    }

    /** How many cells the grid has: studied pairs x strategies x budgets x seeds. */
    public int cellCount() {
        return studiedPairs() * strategies.size() * budgets.budgets().size() * settings.seeds();
    }
}
