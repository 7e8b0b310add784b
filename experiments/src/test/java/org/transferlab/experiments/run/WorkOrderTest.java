package org.transferlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;

class WorkOrderTest {
    private static final String STUDY = """
            name: order
            seeds: 3
            domains:
              a: {loader: synthetic, classes: 3, features: 4, train-size: 60, test-size: 30}
              b: {loader: synthetic, classes: 3, features: 4, train-size: 60, test-size: 30, shift: 0.5}
            pairs:
              - {source: a, target: b}
              - {source: b, target: a}
            network: {type: mlp, hidden: [4], epochs: 1}
            strategies:
              target-only: {}
              fine-tuning: {}
            budgets:
              per-class: [2, 4]
            """;

    @Test
    void cellsAreDealtRoundRobinOverTheirSourceModelsSoThatWorkersTrainDifferentOnes() {
        List<Cell> grid = Grid.expand(new ConfigLoader(Plugins.discover()).parse("order.yaml", STUDY)).cells();
        List<Cell> order = WorkOrder.roundRobinBySourceModel(grid);

        assertEquals(new HashSet<>(grid), new HashSet<>(order), "every cell once");
        assertEquals(grid.size(), order.size());
        long sourceModels = grid.stream().map(Cell::sourceSeed).distinct().count();
        assertEquals(6, sourceModels, "2 pairs x 3 seeds");
        // The first cells handed out each belong to a different source model, ...
        assertEquals(sourceModels, order.subList(0, (int) sourceModels).stream().map(Cell::sourceSeed).distinct().count());
        // (in grid order the first cells share one: the second worker waited for the first one's training)
        assertEquals(grid.get(0).sourceSeed(), grid.get(1).sourceSeed());
        // ... and each source model's cells keep their grid order.
        for (long source : grid.stream().map(Cell::sourceSeed).distinct().toList()) {
            assertEquals(grid.stream().filter(c -> c.sourceSeed() == source).toList(),
                    order.stream().filter(c -> c.sourceSeed() == source).toList());
        }
    }
}
