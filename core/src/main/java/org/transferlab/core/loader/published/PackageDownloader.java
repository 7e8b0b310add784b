package org.transferlab.core.loader.published;

import java.nio.file.Path;

/**
 * Obtains a Debian package's files without installing it, for a data set whose package is not installed.
 */
public interface PackageDownloader {
    /**
     * Downloads {@code debianPackage} and extracts it below {@code workDirectory}.
     *
     * @return the root of the extracted tree, where the package's absolute paths resolve
     * @throws PackageUnavailableException when the package cannot be downloaded or extracted, saying why
     */
    Path downloadAndExtract(String debianPackage, Path workDirectory) throws PackageUnavailableException;

    /** Why a package could not be obtained; the fetch then tries the next source. */
    final class PackageUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public PackageUnavailableException(String message) {
            super(message);
        }

        public PackageUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
