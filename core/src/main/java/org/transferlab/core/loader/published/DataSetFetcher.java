package org.transferlab.core.loader.published;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.transferlab.core.TransferLabException;

/**
 * Puts a {@link PublishedDataSet} into the data directory, trying in order: the files of its installed
 * Debian package; the package downloaded with {@link PackageDownloader} and extracted into a temporary
 * directory; the published source of each file. Every file is checked against its recorded SHA-256
 * before it is moved into place (a temporary file in the same directory, then an atomic rename), and
 * all files of a data set are checked before any is moved, so a failed fetch leaves nothing behind.
 */
public final class DataSetFetcher {
    /** Where an installed Debian package's files are: the root of the file system. */
    public static final Path SYSTEM_ROOT = Path.of("/");

    /** Copies one file from a source into {@code destination}. */
    @FunctionalInterface
    public interface FileSource {
        void copy(PublishedFile file, Path destination) throws IOException;
    }

    /** What {@link #fetch} did. */
    public record Fetched(Path directory, String from) {
    }

    private final Path installedRoot;
    private final PackageDownloader packages;
    private final FileSource published;

    /**
     * @param installedRoot where installed packages' absolute paths resolve: "/" normally, a temporary directory in tests
     * @param packages      how to obtain a package that is not installed
     * @param published     how to obtain a file from its published source
     */
    public DataSetFetcher(Path installedRoot, PackageDownloader packages, FileSource published) {
        this.installedRoot = installedRoot;
        this.packages = packages;
        this.published = published;
    }

    /** The installed system, {@code apt-get download} + {@code dpkg-deb -x}, and HTTP(S) downloads. */
    public static DataSetFetcher standard() {
        return new DataSetFetcher(SYSTEM_ROOT, new AptPackageDownloader(), DataSetFetcher::download);
    }

    /** Fetches {@code set} into {@code dataDirectory}/NAME unless a verified copy is there already. */
    public Fetched fetch(PublishedDataSet set, Path dataDirectory) {
        Path target = set.directory(dataDirectory);
        if (verifiedCopy(set, target)) {
            return new Fetched(target, "already there, checksums verified");
        }
        Map<String, String> failures = new LinkedHashMap<>();

        String installed = "installed package " + set.debianPackage();
        List<String> absent = set.files().stream().map(f -> f.inPackage(installedRoot))
                .filter(p -> !Files.isRegularFile(p)).map(Path::toString).toList();
        if (absent.isEmpty()) {
            String failure = install(set, target, (f, destination) -> Files.copy(f.inPackage(installedRoot), destination,
                    StandardCopyOption.REPLACE_EXISTING));
            if (failure == null) {
                return new Fetched(target, installed + " (" + installedRoot + ")");
            }
            failures.put(installed, failure);
        } else {
            failures.put(installed, "not installed (no " + String.join(", ", absent) + ")");
        }

        String downloaded = "apt-get download " + set.debianPackage() + " + dpkg-deb -x";
        Path work = null;
        try {
            work = Files.createTempDirectory("transferlab-fetch-");
            Path root = packages.downloadAndExtract(set.debianPackage(), work);
            List<String> notInPackage = set.files().stream().map(f -> f.inPackage(root))
                    .filter(p -> !Files.isRegularFile(p)).map(p -> root.relativize(p).toString()).toList();
            String failure = notInPackage.isEmpty()
                    ? install(set, target, (f, destination) -> Files.copy(f.inPackage(root), destination, StandardCopyOption.REPLACE_EXISTING))
                    : "the package has no " + String.join(", ", notInPackage);
            if (failure == null) {
                return new Fetched(target, downloaded);
            }
            failures.put(downloaded, failure);
        } catch (PackageDownloader.PackageUnavailableException e) {
            failures.put(downloaded, e.getMessage());
        } catch (IOException e) {
            failures.put(downloaded, "cannot make a temporary directory (" + e + ")");
        } finally {
            deleteTree(work);
        }

        String sources = "published source";
        String failure = install(set, target, published);
        if (failure == null) {
            return new Fetched(target, sources + " (" + String.join(", ", set.files().stream().map(f -> f.source().toString()).toList()) + ")");
        }
        failures.put(sources, failure);

        StringBuilder message = new StringBuilder("cannot fetch the " + set.name() + " data set into " + target + ":");
        failures.forEach((source, why) -> message.append("\n  ").append(source).append(": ").append(why));
        message.append("\nInstall the Debian package (apt-get install ").append(set.debianPackage())
                .append("), or put ").append(String.join(", ", set.files().stream().map(PublishedFile::name).toList()))
                .append(" into ").append(target).append(" yourself");
        throw new TransferLabException(message.toString());
    }

    private static boolean verifiedCopy(PublishedDataSet set, Path target) {
        for (PublishedFile file : set.files()) {
            Path path = target.resolve(file.name());
            try {
                if (!Files.isRegularFile(path) || !PublishedDataSet.sha256(Files.readAllBytes(path)).equals(file.sha256())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Copies every file to a temporary file beside its destination, checks all, then renames; null on success, else why not. */
    private static String install(PublishedDataSet set, Path target, FileSource source) {
        boolean created = !Files.isDirectory(target);
        List<Path> parts = new ArrayList<>();
        try {
            Files.createDirectories(target);
            List<String> mismatches = new ArrayList<>();
            for (PublishedFile file : set.files()) {
                Path part = Files.createTempFile(target, "." + file.name() + ".", ".part");
                parts.add(part);
                source.copy(file, part);
                String actual = PublishedDataSet.sha256(Files.readAllBytes(part));
                if (!actual.equals(file.sha256())) {
                    mismatches.add(file.name() + " has SHA-256 " + actual + ", expected " + file.sha256());
                }
            }
            if (!mismatches.isEmpty()) {
                return String.join("; ", mismatches);
            }
            for (int i = 0; i < parts.size(); i++) {
                Files.move(parts.get(i), target.resolve(set.files().get(i).name()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e.toString();
        } finally {
            for (Path part : parts) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // Best effort: a leftover .part file is never read as data.
                }
            }
            if (created) {
                try {
                    Files.deleteIfExists(target);
                } catch (DirectoryNotEmptyException e) {
                    // It holds the installed files.
                } catch (IOException e) {
                    // Best effort, as above.
                }
            }
        }
    }

    private static void download(PublishedFile file, Path destination) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        URI uri = file.source();
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(uri + " answered HTTP " + response.statusCode());
                }
                Files.copy(body, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(uri + ": interrupted", e);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: it is in the temporary directory.
        }
    }
}
