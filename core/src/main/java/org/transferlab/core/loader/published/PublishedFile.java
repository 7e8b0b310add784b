package org.transferlab.core.loader.published;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a published data set, as TransferLab stores it and where it can be obtained.
 *
 * @param name        the file's name inside the data set's folder of the data directory
 * @param packagePath where the data set's Debian package installs the file, an absolute path
 * @param source      the file's published location, for machines without the package
 * @param sha256      the SHA-256 of the file's bytes, computed from the Debian package's file; lower-case hex
 */
public record PublishedFile(String name, String packagePath, URI source, String sha256) {
    public PublishedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("name must be a plain file name, got '" + name + "'");
        }
        if (!packagePath.startsWith("/")) {
            throw new IllegalArgumentException("packagePath must be absolute, got '" + packagePath + "'");
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
    }

    /** Where the package puts this file below {@code root} ("/" for the installed system, or an extracted package). */
    public Path inPackage(Path root) {
        return root.resolve(packagePath.substring(1));
    }
}
