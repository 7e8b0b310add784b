package org.transferlab.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.Grid;
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
        ShardMerge.checkSameStudy(parts, digest, parts.get(0).path());
        ExperimentConfig config = RunConfig.load(parts.get(0));
        try (RunDirectory merged = RunDirectory.open(out, Files.readString(parts.get(0).config()), digest, false)) {
            String command = "./transferlab merge --out " + out + " " + String.join(" ", shards.stream().map(Path::toString).toList());
            ShardMerge.Outcome outcome = ShardMerge.into(merged, Grid.expand(config), parts, command);
            spec.commandLine().getOut().printf("merged %d shard directories into %s: %d new cells, %d of %d cells present%n",
                    parts.size(), merged.path(), outcome.adopted(), outcome.present(), outcome.total());
            if (!outcome.complete()) {
                spec.commandLine().getOut().printf("%d cells are missing: run or merge the shards that hold them%n",
                        outcome.total() - outcome.present());
            }
            return 0;
        }
    }
}
