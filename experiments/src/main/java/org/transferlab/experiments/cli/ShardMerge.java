package org.transferlab.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.experiments.report.ForecastTable;
import org.transferlab.experiments.report.Provenance;
import org.transferlab.experiments.report.ReportWriter;
import org.transferlab.experiments.run.Grid;
import org.transferlab.experiments.run.RunDirectory;

/**
 * Copies the finished cells of shard run directories into one run directory and writes its results
 * and report. Cells already there are kept, so merging again, or merging a shard twice, changes nothing.
 */
final class ShardMerge {
    /** What a merge did: cells copied now, cells present after it, cells of the grid. */
    record Outcome(int adopted, int present, int total) {
        boolean complete() {
            return present == total;
        }
    }

    private ShardMerge() {
    }

    /** Refuses shards of another config than the first's. */
    static void checkSameStudy(List<RunDirectory> parts, String digest, Path reference) {
        for (RunDirectory part : parts) {
            if (!part.configDigest().equals(digest)) {
                throw new TransferLabException(part.path() + ": is a run of a different config than " + reference
                        + "; only shards of one study can be merged");
            }
        }
    }

    static Outcome into(RunDirectory merged, Grid grid, List<RunDirectory> parts, String command) throws IOException {
        Set<String> present = merged.finished();
        int adopted = 0;
        List<Provenance.Entry> provenance = new ArrayList<>();
        for (RunDirectory part : parts) {
            for (String id : part.finished()) {
                if (present.add(id)) {
                    merged.adoptCell(part, id);
                    adopted++;
                }
            }
            copySourceCurves(part, merged);
            for (Provenance.Entry entry : Provenance.read(part.path())) {
                provenance.add(entry.inShard(part.path().getFileName().toString()));
            }
        }
        merged.write(Provenance.FILE, Provenance.csv(provenance));
        // Every shard forecasts the whole study from the same seeds, so any one's forecasts are the study's.
        for (RunDirectory part : parts) {
            Path forecasts = part.path().resolve(ForecastTable.FILE);
            if (Files.isRegularFile(forecasts)) {
                merged.write(ForecastTable.FILE, Files.readString(forecasts));
                break;
            }
        }
        ReportWriter.write(grid, merged, command, TaskMetrics.of(grid.config().task()).primary());
        return new Outcome(adopted, present.size(), grid.size());
    }

    private static void copySourceCurves(RunDirectory from, RunDirectory to) throws IOException {
        try (Stream<Path> curves = Files.list(from.path().resolve("curves"))) {
            for (Path curve : curves.filter(p -> p.getFileName().toString().startsWith("source-") && p.toString().endsWith(".csv")).toList()) {
                Path target = to.path().resolve("curves").resolve(curve.getFileName());
                if (!Files.exists(target)) {
                    to.write("curves/" + curve.getFileName(), Files.readString(curve));
                }
            }
        }
    }
}
