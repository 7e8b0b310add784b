package org.transferlab.core.loader.published;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code apt-get download PACKAGE} then {@code dpkg-deb -x}: a package's files without installing it
 * and without root, so {@code python3-sklearn}'s large dependency tree is never pulled in. Needs apt's
 * package lists (apt-get update) and a reachable Debian mirror.
 */
public final class AptPackageDownloader implements PackageDownloader {
    private static final long TIMEOUT_MINUTES = 10;

    private final String aptGet;
    private final String dpkgDeb;

    /** Runs apt-get and dpkg-deb from the PATH. */
    public AptPackageDownloader() {
        this("apt-get", "dpkg-deb");
    }

    /** Runs these programs instead, taking the same arguments (tests pass stand-ins). */
    public AptPackageDownloader(String aptGet, String dpkgDeb) {
        this.aptGet = aptGet;
        this.dpkgDeb = dpkgDeb;
    }

    @Override
    public Path downloadAndExtract(String debianPackage, Path workDirectory) throws PackageUnavailableException {
        Path downloads = workDirectory.resolve("deb");
        Path extracted = workDirectory.resolve("root");
        try {
            Files.createDirectories(downloads);
            run(List.of(aptGet, "download", debianPackage), downloads, workDirectory.resolve("apt-get.log"));
            Path deb = single(downloads, debianPackage);
            run(List.of(dpkgDeb, "-x", deb.toString(), extracted.toString()), workDirectory, workDirectory.resolve("dpkg-deb.log"));
            return extracted;
        } catch (IOException e) {
            throw new PackageUnavailableException("apt-get download " + debianPackage + " failed: " + e, e);
        }
    }

    private static Path single(Path downloads, String debianPackage) throws IOException, PackageUnavailableException {
        List<Path> debs = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(downloads, "*.deb")) {
            stream.forEach(debs::add);
        }
        if (debs.size() != 1) {
            throw new PackageUnavailableException("apt-get download " + debianPackage + " left " + debs.size()
                    + " .deb files, expected 1");
        }
        return debs.get(0);
    }

    private static void run(List<String> command, Path directory, Path log) throws IOException, PackageUnavailableException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new PackageUnavailableException(String.join(" ", command) + ": cannot run (" + e.getMessage() + ")", e);
        }
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new PackageUnavailableException(String.join(" ", command) + ": no answer in " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PackageUnavailableException(String.join(" ", command) + ": interrupted", e);
        }
        if (process.exitValue() != 0) {
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            throw new PackageUnavailableException(String.join(" ", command) + " exited with " + process.exitValue()
                    + (output.isEmpty() ? "" : ": " + lastLines(output)));
        }
    }

    private static String lastLines(String output) {
        String[] lines = output.split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }
}
