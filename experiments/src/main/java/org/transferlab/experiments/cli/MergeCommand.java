package org.transferlab.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.metrics.TaskMetrics;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.report.Provenance;
import org.transferlab.experiments.report.ReportWriter;
import org.transferlab.experiments.run.Grid;
import org.transferlab.experiments.run.ResultsCsv;
import org.transferlab.experiments.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Combines the run directories of the shards of one study into one. Cells already in the target are
 * kept, so merging again, or merging a shard twice, changes nothing.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines shard run directories of one study into one run directory; merging twice changes nothing.")
final class MergeCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the merged run directory")
    private Path out;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "run directories of the shards")
    private List<Path> shards;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<RunDirectory> parts = shards.stream().map(RunDirectory::existing).toList();
        String digest = parts.get(0).configDigest();
        for (RunDirectory part : parts) {
            if (!part.configDigest().equals(digest)) {
                throw new TransferLabException(part.path() + ": is a run of a different config than " + parts.get(0).path()
                        + "; only shards of one study can be merged");
            }
        }
        ExperimentConfig config = RunConfig.load(parts.get(0));
        try (RunDirectory merged = RunDirectory.open(out, Files.readString(parts.get(0).config()), digest, false)) {
            Set<String> present = merged.finished();
            int adopted = 0;
            List<Map<String, String>> provenance = new ArrayList<>();
            for (RunDirectory part : parts) {
                for (String id : part.finished()) {
                    if (present.add(id)) {
                        merged.adoptCell(part, id);
                        adopted++;
                    }
                }
                copySourceCurves(part, merged);
                for (Map<String, String> row : Provenance.read(part.path())) {
                    row.put("scope", part.path().getFileName() + ": " + row.get("scope"));
                    provenance.add(row);
                }
            }
            java.io.StringWriter csv = new java.io.StringWriter();
            ResultsCsv.write(provenance, csv);
            merged.write(Provenance.FILE, csv.toString());
            String command = "./transferlab merge --out " + out + " " + String.join(" ", shards.stream().map(Path::toString).toList());
            ReportWriter.write(config, merged, command, TaskMetrics.of(config.task()).primary());
            int total = Grid.expand(config).size();
            spec.commandLine().getOut().printf("merged %d shard directories into %s: %d new cells, %d of %d cells present%n",
                    parts.size(), merged.path(), adopted, present.size(), total);
            if (present.size() < total) {
                spec.commandLine().getOut().printf("%d cells are missing: run or merge the shards that hold them%n", total - present.size());
            }
            return 0;
        }
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
