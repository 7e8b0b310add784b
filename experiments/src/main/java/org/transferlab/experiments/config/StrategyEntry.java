package org.transferlab.experiments.config;

import java.util.List;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.TransferStrategy;

/**
 * A strategy as the config declares it: its registered name, the plugin, and its bound parameters.
 * A parameter given as a list makes several candidates; the harness fits each on the label budget and
 * keeps the one with the best validation score, per cell.
 *
 * @param candidates the parameter records to choose from, in config order; one when nothing is searched
 * @param line       where the strategy is declared, for messages
 */
public record StrategyEntry(String name, TransferStrategy<?> strategy, List<Record> candidates, int line) {
    public StrategyEntry {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a strategy needs at least one parameter candidate");
        }
    }

    public Fitted fit(Record parameters, TransferContext context) {
        return fitWith(strategy, parameters, context);
    }

    /** Whether fitting any of the candidates reads the source model ({@link TransferStrategy#usesSourceModel}). */
    public boolean usesSourceModel() {
        return candidates.stream().anyMatch(c -> usesSourceModel(strategy, c));
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> boolean usesSourceModel(TransferStrategy<P> strategy, Record parameters) {
        return strategy.usesSourceModel((P) parameters);
    }

    /** The canonical description that seeds and cell ids are derived from. */
    public String canonical() {
        return name + ":" + candidates;
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Fitted fitWith(TransferStrategy<P> strategy, Record parameters, TransferContext context) {
        return strategy.fit((P) parameters, context);
    }
}
