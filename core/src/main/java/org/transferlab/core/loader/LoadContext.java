package org.transferlab.core.loader;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a loader needs besides its own parameters.
 *
 * @param dataDirectory where data sets live; relative file parameters resolve against it
 * @param share         which part of the train partition to load
 */
public record LoadContext(Path dataDirectory, TrainShare share) {
    public LoadContext {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(share, "share");
    }

    public static LoadContext of(Path dataDirectory) {
        return new LoadContext(dataDirectory, TrainShare.ALL);
    }
}
