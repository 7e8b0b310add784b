package org.transferlab.experiments.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.transferlab.core.TransferLabException;

/**
 * One of {@code count} deterministic, disjoint parts of a grid: the cells are ordered by id and
 * dealt out in turn, so shards differ in size by at most one cell and the split does not depend on
 * the order of the config's lists. {@code index} is 0-based, like a Kubernetes indexed job's
 * completion index and a Slurm array started at 0.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new TransferLabException("--shard " + index + "/" + count + ": expected I/N with 0 <= I < N");
        }
    }

    /** Parses {@code I/N}. */
    public static Shard parse(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // Reported below with the expected form.
        }
        throw new TransferLabException("--shard '" + text + "': expected I/N, for example 0/4");
    }

    /** This shard's cells, in grid order. */
    public List<Cell> select(List<Cell> cells) {
        if (count == 1) {
            return cells;
        }
        List<Cell> byId = new ArrayList<>(cells);
        byId.sort(Comparator.comparing(Cell::id));
        java.util.Set<String> mine = new java.util.HashSet<>();
        for (int i = index; i < byId.size(); i += count) {
            mine.add(byId.get(i).id());
        }
        return cells.stream().filter(c -> mine.contains(c.id())).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
