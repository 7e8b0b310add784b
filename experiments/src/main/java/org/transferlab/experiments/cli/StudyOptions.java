package org.transferlab.experiments.cli;

import java.nio.file.Path;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by the commands that read a config. */
final class StudyOptions {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "the experiment config file (YAML)")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where data sets live (default: the config's data-dir, else $TRANSFERLAB_DATA, else data/)")
    Path dataDir;

    /** The TransferLab checkout, for provenance: set by the launcher, else the working directory. */
    static Path home() {
        return Path.of(System.getProperty("transferlab.home", "."));
    }

    ExperimentConfig load() {
        return new ConfigLoader(Plugins.discover()).load(config);
    }

    Path dataDirectory(ExperimentConfig experiment) {
        if (dataDir != null) {
            return dataDir;
        }
        if (!experiment.settings().dataDir().isBlank()) {
            return Path.of(experiment.settings().dataDir());
        }
        String fromEnvironment = System.getenv("TRANSFERLAB_DATA");
        return Path.of(fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "data");
    }

    /** {@code explicit}, else {@code $TRANSFERLAB_CACHE}, else {@code ~/.cache/transferlab}. */
    static Path cacheDirectory(Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnvironment = System.getenv("TRANSFERLAB_CACHE");
        return fromEnvironment != null && !fromEnvironment.isBlank() ? Path.of(fromEnvironment)
                : Path.of(System.getProperty("user.home"), ".cache", "transferlab");
    }
}
