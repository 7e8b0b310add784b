package org.transferlab.experiments.slurm;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.transferlab.experiments.run.Cell;
import org.transferlab.experiments.run.RunDirectory;
import org.transferlab.experiments.run.Shard;

/**
 * How far one array task has got, read from the run directories alone (Slurm's accounting may be
 * off, as it is without {@code slurmdbd}): a cell is done when its task's shard directory or the
 * merged directory holds its {@code done} marker, failed when the shard recorded an error for it and
 * it is not done, and missing otherwise (the task has not run it yet, or was killed before it).
 *
 * @param task    the array task index
 * @param cells   the cells dealt to it
 * @param done    how many of them are done
 * @param failed  the failed ones: cell id to the first line of the error
 */
public record TaskProgress(int task, int cells, int done, Map<String, String> failed) {
    public int missing() {
        return cells - done - failed.size();
    }

    public boolean complete() {
        return done == cells;
    }

    /** Every task's progress, in task order. */
    public static List<TaskProgress> of(List<Cell> grid, SlurmArray array, Set<String> merged) {
        List<TaskProgress> progress = new ArrayList<>();
        for (int task = 0; task < array.tasks(); task++) {
            List<Cell> mine = new Shard(task, array.tasks()).select(grid);
            Set<String> finished = Set.of();
            Map<String, String> errors = Map.of();
            if (Files.isRegularFile(array.shard(task).resolve(RunDirectory.CONFIG))) {
                RunDirectory shard = RunDirectory.existing(array.shard(task));
                finished = shard.finished();
                errors = shard.failures();
            }
            int done = 0;
            Map<String, String> failed = new TreeMap<>();
            for (Cell cell : mine) {
                if (finished.contains(cell.id()) || merged.contains(cell.id())) {
                    done++;
                } else if (errors.containsKey(cell.id())) {
                    failed.put(cell.id(), errors.get(cell.id()));
                }
            }
            progress.add(new TaskProgress(task, mine.size(), done, failed));
        }
        return progress;
    }
}
