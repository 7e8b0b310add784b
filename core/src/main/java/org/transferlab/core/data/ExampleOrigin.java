package org.transferlab.core.data;

import java.util.Objects;

/**
 * The data that examples were read from, for telling whether two domains hold the same example. Two
 * origins are the same when their keys are; the name is only what messages call the origin.
 *
 * <p>A file's key is {@code sha256:} followed by the SHA-256 of its content ({@link #ofFile}), so
 * the same data reached through two spellings of its path, or read from a copy, is recognised as the
 * same data, and an edited file as different data. Data made by a generator has a key naming the
 * generator's parameters and the partition. Immutable.
 */
public final class ExampleOrigin {
    private final String key;
    private final String name;

    private ExampleOrigin(String key, String name) {
        this.key = Objects.requireNonNull(key, "key");
        this.name = Objects.requireNonNull(name, "name");
        if (key.isBlank()) {
            throw new IllegalArgumentException("an origin needs a key");
        }
    }

    /**
     * @param key  what makes the origin what it is: equal keys mean the same data
     * @param name what messages call it, such as a file's path
     */
    public static ExampleOrigin of(String key, String name) {
        return new ExampleOrigin(key, name);
    }

    /** A file, known by the SHA-256 of its content (hex) and named by {@code file}. */
    public static ExampleOrigin ofFile(String sha256, Object file) {
        if (!sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("a SHA-256 is 64 hex digits, got '" + sha256 + "'");
        }
        return new ExampleOrigin("sha256:" + sha256.toLowerCase(java.util.Locale.ROOT), "file " + file);
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    /** Equal when the keys are: the same data, whatever it was called. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ExampleOrigin o && key.equals(o.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
