package org.transferlab.experiments.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a run hands its cells to the workers: round robin over the cells' source models (the
 * first cell of each source model, then the second of each, ...), each source model's cells in grid order.
 * In grid order every cell of one source model comes before the next model's, so with two workers the second
 * worker's first cell needed the model the first worker was still training, and waited for it; dealt round robin,
 * the workers train different source models at the same time. Results do not depend on the order: every cell
 * and every source model is seeded on its own.
 */
final class WorkOrder {
    private WorkOrder() {
    }

    static List<Cell> roundRobinBySourceModel(List<Cell> cells) {
        Map<Long, ArrayDeque<Cell>> bySource = new LinkedHashMap<>();
        for (Cell cell : cells) {
            bySource.computeIfAbsent(cell.sourceSeed(), k -> new ArrayDeque<>()).add(cell);
        }
        List<Cell> order = new ArrayList<>(cells.size());
        while (order.size() < cells.size()) {
            for (ArrayDeque<Cell> group : bySource.values()) {
                if (!group.isEmpty()) {
                    order.add(group.poll());
                }
            }
        }
        return order;
    }
}
