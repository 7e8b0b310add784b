package org.transferlab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.config.DomainEntry;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.config.PairEntry;
import org.transferlab.experiments.config.SourceEntry;
import org.transferlab.experiments.config.StrategyEntry;

/**
 * A study's cells: its config expanded into pairs x seeds x budgets x strategies, in that nesting. A command
 * expands its config once ({@link #expand}) and hands the grid to everything that needs the cells: preparing
 * the data, running, reporting, merging, and the Slurm commands that count each task's cells.
 *
 * @param config the study the cells come from
 * @param cells  the cells, in grid order
 */
public record Grid(ExperimentConfig config, List<Cell> cells) {
    public Grid {
        cells = List.copyOf(cells);
    }

    public static Grid expand(ExperimentConfig config) {
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
        return new Grid(config, cells);
    }

    public int size() {
        return cells.size();
    }

    /** Every cell's id. */
    public Set<String> ids() {
        return cells.stream().map(Cell::id).collect(Collectors.toSet());
    }
}
