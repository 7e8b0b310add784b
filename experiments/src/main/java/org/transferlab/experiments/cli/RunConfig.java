package org.transferlab.experiments.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.report.Provenance;
import org.transferlab.experiments.run.RunDirectory;

/**
 * The config of an existing run directory, for {@code report} and {@code merge}. Its copy of the config
 * text lives in the run directory, so model files are read from where the run read them (its provenance's
 * {@code model NAME / file} rows), and a model file whose bytes changed since is refused: its cells would
 * be another study's.
 */
final class RunConfig {
    private RunConfig() {
    }

    static ExperimentConfig load(RunDirectory run) {
        Map<String, Path> files = modelFiles(run.path());
        ExperimentConfig config = new ConfigLoader(Plugins.discover()).withModelFiles(files).load(run.config());
        if (!config.models().isEmpty() && !config.digest().equals(run.configDigest())) {
            throw new TransferLabException(run.path() + ": a model file of this study changed since it was run ("
                    + String.join(", ", files.values().stream().map(Path::toString).toList()) + "), so its cells are "
                    + "another study's; restore the file the run used (its SHA-256 is in " + Provenance.FILE + ")");
        }
        return config;
    }

    /**
     * The config of a copy of a run's results ({@code config.yaml}, {@code results.csv}, {@code provenance.csv}, as
     * under {@code results/studies}): it keeps no digest of the config it ran, so nothing can say whether a model
     * file changed since; only its tables are read from it.
     */
    static ExperimentConfig loadCopy(Path directory) {
        return new ConfigLoader(Plugins.discover()).withModelFiles(modelFiles(directory))
                .load(directory.resolve(RunDirectory.CONFIG));
    }

    /** The model files the run read, by model name, from its provenance. */
    private static Map<String, Path> modelFiles(Path directory) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Provenance.Entry row : Provenance.read(directory)) {
            // A merged run's provenance prefixes each scope with its shard: "shard-0: model NAME".
            String scope = row.scope();
            String name = scope.startsWith("model ") ? scope.substring("model ".length())
                    : scope.contains(": model ") ? scope.substring(scope.indexOf(": model ") + ": model ".length()) : null;
            if (name != null && "file".equals(row.key())) {
                files.putIfAbsent(name, Path.of(row.value()));
            }
        }
        return files;
    }
}
