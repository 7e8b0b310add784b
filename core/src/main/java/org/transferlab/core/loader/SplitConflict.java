package org.transferlab.core.loader;

import java.util.Objects;
import java.util.Optional;

/**
 * Why two domains of one loader cannot be paired: they read the same data, which is split into train
 * and test once for all its domains, but their parameters ask for two different splits of it. Had
 * both been drawn, the source's train rows would include some of the target's test rows.
 *
 * @param data   the data both domains read, as the config names it (a file, relative to the data directory)
 * @param key    the config key that differs, such as {@code split-seed}
 * @param first  its value for the first domain
 * @param second its value for the second domain
 */
public record SplitConflict(String data, String key, String first, String second) {
    public SplitConflict {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    /** A conflict on {@code key} when {@code first} and {@code second} differ; none when they are equal. */
    public static Optional<SplitConflict> compare(String data, String key, Object first, Object second) {
        return first.equals(second) ? Optional.empty()
                : Optional.of(new SplitConflict(data, key, String.valueOf(first), String.valueOf(second)));
    }
}
