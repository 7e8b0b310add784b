package org.transferlab.experiments.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.transferlab.experiments.run.SourceModelStore;
import picocli.CommandLine.Option;

/** Where the commands that train source models keep them between runs: {@code --cache-dir} and {@code --no-cache}. */
final class CacheOptions {
    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "where trained source models are kept between runs (default: $TRANSFERLAB_CACHE, else ~/.cache/transferlab)")
    private Path cacheDir;

    @Option(names = "--no-cache", description = "neither read nor write trained source models on disk")
    private boolean noCache;

    /** The store these options name: on disk, or none with {@code --no-cache}. */
    SourceModelStore store(Consumer<String> progress) {
        return noCache ? SourceModelStore.disabled() : new SourceModelStore(StudyOptions.cacheDirectory(cacheDir), progress);
    }
}
