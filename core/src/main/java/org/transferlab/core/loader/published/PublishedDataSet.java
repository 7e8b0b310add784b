package org.transferlab.core.loader.published;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.transferlab.core.TransferLabException;

/**
 * A data set that {@code ./transferlab data fetch NAME} copies into {@code DATA_DIR/NAME} from a
 * Debian package or its published source, and that a loader reads from there. The loader checks each
 * file's SHA-256 again when it reads it (the files are small), so a file cut short at a row boundary,
 * edited, or replaced is reported instead of silently giving fewer or different rows.
 *
 * @param name          the data set's name: the {@code data fetch} argument and its folder in the data directory
 * @param debianPackage the Debian package that ships the files
 * @param files         the files, each with its recorded checksum
 */
public record PublishedDataSet(String name, String debianPackage, List<PublishedFile> files) {
    public PublishedDataSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(debianPackage, "debianPackage");
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("data set '" + name + "' has no files");
        }
    }

    /** The data set's folder in {@code dataDirectory}. */
    public Path directory(Path dataDirectory) {
        return dataDirectory.resolve(name);
    }

    /** The file called {@code fileName}. */
    public PublishedFile file(String fileName) {
        return files.stream().filter(f -> f.name().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("data set '" + name + "' has no file '" + fileName + "'"));
    }

    /**
     * The bytes of {@code file} in the data directory, checked against its recorded SHA-256. A missing
     * file, or one with another checksum, is an error that says how to fetch it.
     */
    public byte[] read(Path dataDirectory, PublishedFile file) {
        Path path = directory(dataDirectory).resolve(file.name());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new TransferLabException(path + ": no such file; run `./transferlab data fetch " + name
                    + "` to put the " + name + " data set into the data directory", e);
        } catch (IOException e) {
            throw new TransferLabException(path + ": cannot read (" + e + ")", e);
        }
        String actual = sha256(bytes);
        if (!actual.equals(file.sha256())) {
            throw new TransferLabException(path + ": SHA-256 is " + actual + ", expected " + file.sha256()
                    + " (" + bytes.length + " bytes); the file is truncated, changed or not the published " + name
                    + " data. Run `./transferlab data fetch " + name + "` to replace it");
        }
        return bytes;
    }

    /** The SHA-256 of {@code bytes}, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
