package org.transferlab.experiments.run;

import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.seed.Seeds;
import org.transferlab.experiments.config.DomainEntry;
import org.transferlab.experiments.config.ModelEntry;
import org.transferlab.experiments.config.SelectionSetting;
import org.transferlab.experiments.config.SourceEntry;
import org.transferlab.experiments.config.SourceGroup;
import org.transferlab.experiments.config.StrategyEntry;
import org.transferlab.transfer.engine.NetworkSpec;

/**
 * One point of the grid: a source-target pair, a strategy, a label budget and a seed index. Its id and
 * its seeds derive from what it is, not from where it sits in the grid, and the target data a cell
 * sees (the budget draw) does not depend on the strategy, so every strategy of a (target, budget,
 * seed) is compared on exactly the same labels. {@code selection} is the study's {@code selection:} (how a cell
 * with several parameter candidates keeps one); it changes no seed, so every selection rule sees the same fits.
 */
public record Cell(SourceEntry source, DomainEntry target, PairShares shares, NetworkSpec network,
                   StrategyEntry strategy, LabelBudget budget, int seedIndex, long baseSeed, String selection) {

    /** A short, stable hash of everything that determines the cell's result. */
    public String id() {
        // The rule that keeps a candidate decides the result only where there is a choice; the default leaves ids as they were.
        boolean chooses = strategy.candidates().size() > 1 && !selection.equals(SelectionSetting.TARGET_VALIDATION);
        return chooses ? Long.toHexString(Seeds.derive(baseSeed, "cell", source.canonical(), target.canonical(), shares,
                network, strategy.canonical(), budget, seedIndex, "selection", selection))
                : Long.toHexString(Seeds.derive(baseSeed, "cell", source.canonical(), target.canonical(), shares,
                network, strategy.canonical(), budget, seedIndex));
    }

    /**
     * Seeds the source network's initialisation and minibatch order; shared by all cells with this source. It keys
     * the run's caches of source models, target embeddings and source artifacts, so for a model file, whose
     * network neither the study's network section nor the seed index changes, it is one key for every seed,
     * derived from the file's SHA-256.
     */
    public long sourceSeed() {
        return source instanceof ModelEntry ? Seeds.derive(baseSeed, "source-model", source.canonical())
                : Seeds.derive(baseSeed, "source", source.canonical(), shares.source(), network, seedIndex);
    }

    /** The source domain, for a pair that has one; empty when the source is a model file. */
    public java.util.Optional<DomainEntry> sourceDomain() {
        return source instanceof DomainEntry domain ? java.util.Optional.of(domain) : java.util.Optional.empty();
    }

    /**
     * For a cell of several sources ({@link SourceGroup}), the cell of each member's own pair with the same strategy,
     * budget and seed: its source model and source data are the member's. Empty for a cell of one source or none.
     */
    public java.util.List<Cell> memberCells() {
        if (!(source instanceof SourceGroup group)) {
            return java.util.List.of();
        }
        return group.members().stream().map(m -> new Cell(m.domain(), target, new PairShares(m.share(), group.targetShare()),
                network, strategy, budget, seedIndex, baseSeed, selection)).toList();
    }

    /** Seeds the draw of the label budget; the same for every strategy. */
    public long sampleSeed() {
        return Seeds.derive(baseSeed, "budget", target.canonical(), shares.target(), budget, seedIndex);
    }

    /** Seeds the strategy's own randomness; the same for every strategy, so baselines share initialisations. */
    public long fitSeed() {
        return Seeds.derive(baseSeed, "fit", target.canonical(), shares.target(), budget, seedIndex);
    }

    public String describe() {
        return source.name() + " → " + target.name() + " · " + strategy.name() + " · " + budget.label() + " · seed " + seedIndex;
    }
}
