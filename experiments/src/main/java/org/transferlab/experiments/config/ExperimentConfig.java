package org.transferlab.experiments.config;

import java.util.List;
import java.util.Map;
import org.transferlab.transfer.network.NetworkSpec;

/**
 * A loaded, validated experiment config: every name resolved to its plugin, every parameter bound
 * and checked. Two configs with the same values describe the same study.
 *
 * @param file       the config file, for messages and provenance
 * @param text       the config's exact text, copied into the run directory
 * @param settings   the study's name, seeds and data directory
 * @param domains    domains by name, in declaration order
 * @param pairs      source-target pairs, in declaration order
 * @param network    the source network
 * @param strategies strategies in declaration order
 * @param budgets    the label budgets of the grid
 */
public record ExperimentConfig(String file, String text, StudySettings settings, Map<String, DomainEntry> domains,
                               List<PairEntry> pairs, NetworkSpec network, List<StrategyEntry> strategies,
                               BudgetGrid budgets) {
    public ExperimentConfig {
        domains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(domains));
        pairs = List.copyOf(pairs);
        strategies = List.copyOf(strategies);
    }

    /** How many cells the grid has: pairs x strategies x budgets x seeds. */
    public int cellCount() {
        return pairs.size() * strategies.size() * budgets.budgets().size() * settings.seeds();
    }
}
