package org.transferlab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.config.DomainEntry;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.config.PairEntry;
import org.transferlab.experiments.config.SourceEntry;
import org.transferlab.experiments.config.StrategyEntry;

/** Expands a config into its cells: pairs x seeds x budgets x strategies, in that nesting. */
public final class Grid {
    private Grid() {
    }

    public static List<Cell> expand(ExperimentConfig config) {
        List<Cell> cells = new ArrayList<>();
        for (PairEntry pair : config.pairs()) {
            SourceEntry source = config.source(pair.source());
            DomainEntry target = config.domains().get(pair.target());
            // A model file shares no examples with anything: the target keeps all its train partition.
            PairShares shares = source instanceof DomainEntry domain ? PairShares.of(domain, target) : PairShares.ALL;
            for (int seed = 0; seed < config.settings().seeds(); seed++) {
                for (LabelBudget budget : config.budgets().budgets()) {
                    for (StrategyEntry strategy : config.strategies()) {
                        cells.add(new Cell(source, target, shares, config.network(), strategy, budget, seed,
                                config.settings().seed()));
                    }
                }
            }
        }
        return List.copyOf(cells);
    }
}
