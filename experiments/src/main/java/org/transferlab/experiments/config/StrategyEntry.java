package org.transferlab.experiments.config;

import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.TransferStrategy;

/**
 * A strategy as the config declares it: its registered name, the plugin and its bound parameters.
 *
 * @param line where the strategy is declared, for messages
 */
public record StrategyEntry(String name, TransferStrategy<?> strategy, Record parameters, int line) {

    public Fitted fit(TransferContext context) {
        return fitWith(strategy, parameters, context);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Fitted fitWith(TransferStrategy<P> strategy, Record parameters, TransferContext context) {
        return strategy.fit((P) parameters, context);
    }
}
