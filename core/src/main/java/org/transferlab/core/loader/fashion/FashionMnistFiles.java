package org.transferlab.core.loader.fashion;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.transferlab.core.TransferLabException;

/**
 * Finds the four Fashion-MNIST files: first in {@code DATA_DIR/fashion-mnist}, then where the Debian
 * package {@code dataset-fashion-mnist} installs them, then by downloading them from the published
 * location into the data directory. Each file is checked against the SHA-256 of its decompressed
 * content (the same whichever gzip compressed it), so a corrupt or foreign file is named, not used.
 */
public final class FashionMnistFiles {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    public static final Path DEBIAN_LOCATION = Path.of("/usr/share/datasets/fashion-mnist");
    public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";
    public static final URI PUBLISHED_LOCATION = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    /** SHA-256 of each file's decompressed IDX content, computed from the Debian package's files. */
    public static final Map<String, String> CONTENT_SHA256 = Map.of(
            TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    private static final List<String> ALL = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private final List<Path> searchPath;
    private final Optional<URI> download;
    private final Map<String, String> checksums;

    /**
     * @param searchPath directories to look in, in order, after {@code DATA_DIR/fashion-mnist}
     * @param download   where to download from when no directory has the files; empty to never download
     * @param checksums  expected content SHA-256 per file name; a file without an entry is not checked
     */
    public FashionMnistFiles(List<Path> searchPath, Optional<URI> download, Map<String, String> checksums) {
        this.searchPath = List.copyOf(searchPath);
        this.download = download;
        this.checksums = Map.copyOf(checksums);
    }

    /** The standard locations and the published checksums. */
    public static FashionMnistFiles standard() {
        return new FashionMnistFiles(List.of(DEBIAN_LOCATION), Optional.of(PUBLISHED_LOCATION), CONTENT_SHA256);
    }

    /** The directory that holds all four files, downloading them into the data directory if needed. */
    public Path locate(Path dataDirectory) {
        Path own = dataDirectory.resolve("fashion-mnist");
        List<Path> candidates = new ArrayList<>();
        candidates.add(own);
        candidates.addAll(searchPath);
        Map<Path, List<String>> missing = new LinkedHashMap<>();
        for (Path dir : candidates) {
            List<String> absent = ALL.stream().filter(f -> !Files.isRegularFile(dir.resolve(f))).toList();
            if (absent.isEmpty()) {
                return dir;
            }
            missing.put(dir, absent);
        }
        String downloadFailure = download.map(uri -> tryDownload(uri, own)).orElse("downloading is switched off");
        if (downloadFailure == null) {
            return own;
        }
        StringBuilder message = new StringBuilder("Fashion-MNIST not found.");
        missing.forEach((dir, absent) -> message.append("\n  ").append(dir).append(": missing ").append(String.join(", ", absent)));
        message.append("\n  download: ").append(downloadFailure);
        message.append("\nInstall the Debian package (apt-get install ").append(DEBIAN_PACKAGE)
                .append("), or put the four files ").append(String.join(", ", ALL)).append(" into ").append(own)
                .append(download.map(uri -> " (from " + uri + ")").orElse(""));
        throw new TransferLabException(message.toString());
    }

    /** Throws when {@code file}'s decompressed content does not have the published checksum. */
    public void verify(Path file, String contentSha256) {
        String expected = checksums.get(file.getFileName().toString());
        if (expected != null && !expected.equals(contentSha256)) {
            throw new TransferLabException(file + ": content SHA-256 is " + contentSha256 + ", expected " + expected
                    + "; the file is corrupt or not the published Fashion-MNIST. Delete it and reinstall "
                    + DEBIAN_PACKAGE + " or download it again");
        }
    }

    /** Downloads all files into {@code target}; returns null on success, or why it failed. */
    private String tryDownload(URI base, Path target) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            Files.createDirectories(target);
            for (String name : ALL) {
                Path part = Files.createTempFile(target, name, ".part");
                try {
                    HttpResponse<InputStream> response = client.send(
                            HttpRequest.newBuilder(base.resolve(name)).timeout(Duration.ofMinutes(5)).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (response.statusCode() != 200) {
                        return base.resolve(name) + " answered HTTP " + response.statusCode();
                    }
                    try (InputStream body = response.body()) {
                        Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
                    }
                    String sha = name.contains("images") ? IdxFile.readImages(part).sha256() : IdxFile.readLabels(part).sha256();
                    verify(target.resolve(name), sha);
                    Files.move(part, target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            return null;
        } catch (IOException e) {
            return "from " + base + " failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (TransferLabException e) {
            return e.getMessage();
        }
    }
}
