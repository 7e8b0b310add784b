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
import org.transferlab.experiments.config.SourceGroup;
import org.transferlab.core.loader.TrainShare;
import org.transferlab.experiments.config.StrategyEntry;

/**
 * A study's cells: its config expanded into pairs x seeds x budgets x strategies, in that nesting; a pair of several
 * sources is expanded into each member's own pair and then the members together ({@link SourceGroup}). A command
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
            DomainEntry target = config.domains().get(pair.target());
            if (pair.hasSeveralSources()) {
                SourceGroup group = SourceGroup.of(pair.sources().stream().map(config.domains()::get).toList(), target);
                for (SourceGroup.Member member : group.members()) {
                    addCells(config, member.domain(), target, new PairShares(member.share(), group.targetShare()), cells);
                }
                addCells(config, group, target, new PairShares(TrainShare.ALL, group.targetShare()), cells);
                continue;
            }
            SourceEntry source = config.source(pair.source());
            // A model file shares no examples with anything: the target keeps all its train partition.
            PairShares shares = source instanceof DomainEntry domain ? PairShares.of(domain, target) : PairShares.ALL;
            addCells(config, source, target, shares, cells);
        }
        return new Grid(config, cells);
    }

    private static void addCells(ExperimentConfig config, SourceEntry source, DomainEntry target, PairShares shares,
                                 List<Cell> cells) {
        for (int seed = 0; seed < config.settings().seeds(); seed++) {
            for (LabelBudget budget : config.budgets().budgets()) {
                for (StrategyEntry strategy : config.strategies()) {
                    cells.add(new Cell(source, target, shares, config.network(), strategy, budget, seed, config.settings().seed(),
                            config.selection().name()));
                }
            }
        }
    }

    public int size() {
        return cells.size();
    }

    /** Every cell's id. */
    public Set<String> ids() {
        return cells.stream().map(Cell::id).collect(Collectors.toSet());
    }
}
