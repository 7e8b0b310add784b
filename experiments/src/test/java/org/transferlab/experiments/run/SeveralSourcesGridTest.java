package org.transferlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.transferlab.core.loader.TrainShare;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.config.SourceGroup;

/** How a pair of several sources becomes cells: each source alone and all together, on the same target labels. */
class SeveralSourcesGridTest {
    private static final String STUDY = """
            name: several
            seeds: 2
            domains:
              upright: {loader: fashion-mnist, classes: [0, 1]}
              tilted: {loader: fashion-mnist, classes: [0, 1], rotation: 15}
              other: {loader: synthetic, classes: 2}
              target: {loader: fashion-mnist, classes: [0, 1], rotation: 30}
            pairs:
              - {sources: [upright, tilted, other], target: target}
            network: {type: mlp, hidden: [8], epochs: 1}
            strategies: {target-only: {}, fine-tuning: {}}
            budgets: {per-class: [5, 10]}
            """;

    private final ExperimentConfig config = new ConfigLoader(Plugins.discover()).parse("study.yaml", STUDY);
    private final Grid grid = Grid.expand(config);

    @Test
    void everySourceAloneAndTheGroupGetCellsAndTheCountMatchesTheConfigs() {
        Map<String, Long> bySource = grid.cells().stream().collect(Collectors.groupingBy(c -> c.source().name(), Collectors.counting()));
        assertEquals(Map.of("upright", 8L, "tilted", 8L, "other", 8L, "upright+tilted+other", 8L), bySource);
        assertEquals(config.cellCount(), grid.size());
        assertEquals(grid.size(), grid.ids().size(), "every cell has its own id");
    }

    @Test
    void sourcesMadeFromTheTargetsImagesGetTheFirstHalfAndEveryCellOfThePairTheTargetsSecondHalf() {
        Map<String, PairShares> shares = grid.cells().stream().collect(Collectors.toMap(c -> c.source().name(), Cell::shares, (x, y) -> x));
        assertEquals(new PairShares(TrainShare.FIRST_HALF, TrainShare.SECOND_HALF), shares.get("upright"));
        assertEquals(new PairShares(TrainShare.FIRST_HALF, TrainShare.SECOND_HALF), shares.get("tilted"));
        assertEquals(new PairShares(TrainShare.ALL, TrainShare.SECOND_HALF), shares.get("other"),
                "a source of other data keeps all of it, and the target keeps the group's half");
        SourceGroup group = (SourceGroup) grid.cells().stream().filter(c -> c.source() instanceof SourceGroup).findFirst()
                .orElseThrow().source();
        assertEquals(List.of(TrainShare.FIRST_HALF, TrainShare.FIRST_HALF, TrainShare.ALL),
                group.members().stream().map(SourceGroup.Member::share).toList());
    }

    @Test
    void everySourceAloneAndTogetherDrawsTheSameBudgetAndFitSeedsSoTheyArePaired() {
        Map<String, Set<Long>> budgetSeeds = grid.cells().stream().collect(Collectors.groupingBy(
                c -> c.budget() + "/" + c.seedIndex(), Collectors.mapping(Cell::sampleSeed, Collectors.toSet())));
        budgetSeeds.values().forEach(seeds -> assertEquals(1, seeds.size(), "one budget draw per budget and seed"));
        Map<String, Set<Long>> fitSeeds = grid.cells().stream().collect(Collectors.groupingBy(
                c -> c.budget() + "/" + c.seedIndex(), Collectors.mapping(Cell::fitSeed, Collectors.toSet())));
        fitSeeds.values().forEach(seeds -> assertEquals(1, seeds.size()));
    }

    @Test
    void aGroupCellsMembersAreTheCellsOfEachSourcesOwnPair() {
        Set<String> ids = grid.ids();
        grid.cells().stream().filter(c -> c.source() instanceof SourceGroup).forEach(group -> {
            List<Cell> members = group.memberCells();
            assertEquals(List.of("upright", "tilted", "other"), members.stream().map(c -> c.source().name()).toList());
            members.forEach(m -> assertTrue(ids.contains(m.id()), m.describe() + " is a cell of the grid"));
            members.forEach(m -> assertEquals(group.sampleSeed(), m.sampleSeed()));
        });
    }
}
