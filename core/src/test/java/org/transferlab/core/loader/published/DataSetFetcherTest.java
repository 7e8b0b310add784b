package org.transferlab.core.loader.published;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;

class DataSetFetcherTest {
    private static final byte[] FIRST = "first file\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECOND = "second file\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WRONG = "something else\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    private final PublishedDataSet set = PublishedFixtures.dataSet("things", files(FIRST, SECOND));

    private static Map<String, byte[]> files(byte[] first, byte[] second) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.csv.gz", first);
        files.put("b.json", second);
        return files;
    }

    private Path dataDirectory() {
        return temp.resolve("data");
    }

    private Path installedRoot() {
        return temp.resolve("root");
    }

    /** Writes the files where a package would put them below {@code root}. */
    private void installPackage(Path root, byte[] first, byte[] second) throws IOException {
        Map<String, byte[]> contents = files(first, second);
        for (PublishedFile file : set.files()) {
            Path path = file.inPackage(root);
            Files.createDirectories(path.getParent());
            Files.write(path, contents.get(file.name()));
        }
    }

    private static final PackageDownloader NO_PACKAGE = (name, work) -> {
        throw new PackageDownloader.PackageUnavailableException("E: Unable to locate package " + name);
    };

    private static final DataSetFetcher.FileSource NO_SOURCE = (file, destination) -> {
        throw new IOException(file.source() + " is unreachable");
    };

    private void assertFetched() throws IOException {
        assertArrayEquals(FIRST, Files.readAllBytes(dataDirectory().resolve("things/a.csv.gz")));
        assertArrayEquals(SECOND, Files.readAllBytes(dataDirectory().resolve("things/b.json")));
        try (Stream<Path> left = Files.list(dataDirectory().resolve("things"))) {
            assertEquals(2, left.count(), "no temporary file is left beside the data");
        }
    }

    @Test
    void takesTheFilesOfTheInstalledPackageFirst() throws IOException {
        installPackage(installedRoot(), FIRST, SECOND);
        DataSetFetcher fetcher = new DataSetFetcher(installedRoot(), (name, work) -> fail("the package is installed"),
                (file, destination) -> fail("the package is installed"));
        DataSetFetcher.Fetched fetched = fetcher.fetch(set, dataDirectory());
        assertEquals(dataDirectory().resolve("things"), fetched.directory());
        assertEquals("installed package fixture-things (" + installedRoot() + ")", fetched.from());
        assertFetched();
    }

    @Test
    void otherwiseExtractsTheDownloadedPackageAndRemovesItAfterwards() throws IOException {
        List<Path> workDirectories = new ArrayList<>();
        PackageDownloader downloader = (name, work) -> {
            assertEquals("fixture-things", name);
            workDirectories.add(work);
            Path root = work.resolve("root");
            try {
                installPackage(root, FIRST, SECOND);
            } catch (IOException e) {
                throw new PackageDownloader.PackageUnavailableException("fixture", e);
            }
            return root;
        };
        DataSetFetcher.Fetched fetched = new DataSetFetcher(installedRoot(), downloader, NO_SOURCE).fetch(set, dataDirectory());
        assertEquals("apt-get download fixture-things + dpkg-deb -x", fetched.from());
        assertFetched();
        assertEquals(1, workDirectories.size());
        assertFalse(Files.exists(workDirectories.get(0)), "the extracted package is deleted");
    }

    @Test
    void otherwiseDownloadsEachFileFromItsPublishedSource() throws IOException {
        Map<String, byte[]> contents = files(FIRST, SECOND);
        DataSetFetcher.FileSource source = (file, destination) -> Files.write(destination, contents.get(file.name()));
        DataSetFetcher.Fetched fetched = new DataSetFetcher(installedRoot(), NO_PACKAGE, source).fetch(set, dataDirectory());
        assertEquals("published source (https://example.org/things/a.csv.gz, https://example.org/things/b.json)", fetched.from());
        assertFetched();
    }

    @Test
    void aVerifiedCopyIsKeptWithoutAskingAnySource() throws IOException {
        installPackage(installedRoot(), FIRST, SECOND);
        new DataSetFetcher(installedRoot(), NO_PACKAGE, NO_SOURCE).fetch(set, dataDirectory());
        DataSetFetcher.Fetched again = new DataSetFetcher(temp.resolve("nowhere"), NO_PACKAGE, NO_SOURCE).fetch(set, dataDirectory());
        assertEquals("already there, checksums verified", again.from());
        assertFetched();
    }

    @Test
    void aChecksumMismatchInOneFileLeavesNothingBehindAndSaysWhy() throws IOException {
        installPackage(installedRoot(), FIRST, WRONG);
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> new DataSetFetcher(installedRoot(), NO_PACKAGE, NO_SOURCE).fetch(set, dataDirectory()));
        assertFalse(Files.exists(dataDirectory().resolve("things")), "not even the file whose checksum matched is kept");
        String wrongSha = PublishedDataSet.sha256(WRONG);
        assertEquals("cannot fetch the things data set into " + dataDirectory().resolve("things") + ":"
                + "\n  installed package fixture-things: b.json has SHA-256 " + wrongSha + ", expected "
                + PublishedDataSet.sha256(SECOND)
                + "\n  apt-get download fixture-things + dpkg-deb -x: E: Unable to locate package fixture-things"
                + "\n  published source: java.io.IOException: https://example.org/things/a.csv.gz is unreachable"
                + "\nInstall the Debian package (apt-get install fixture-things), or put a.csv.gz, b.json into "
                + dataDirectory().resolve("things") + " yourself", e.getMessage());
    }

    @Test
    void aFailedFetchKeepsTheFilesAlreadyThere() throws IOException {
        Path directory = Files.createDirectories(dataDirectory().resolve("things"));
        Files.write(directory.resolve("a.csv.gz"), WRONG);
        DataSetFetcher.FileSource wrong = (file, destination) -> Files.write(destination, WRONG);
        assertThrows(TransferLabException.class, () -> new DataSetFetcher(installedRoot(), NO_PACKAGE, wrong).fetch(set, dataDirectory()));
        try (Stream<Path> left = Files.list(directory)) {
            assertEquals(List.of(directory.resolve("a.csv.gz")), left.toList(), "no partial file, nothing replaced");
        }
    }

    @Test
    void aChangedCopyIsReplacedByAVerifiedOne() throws IOException {
        Path directory = Files.createDirectories(dataDirectory().resolve("things"));
        Files.write(directory.resolve("b.json"), WRONG);
        installPackage(installedRoot(), FIRST, SECOND);
        DataSetFetcher.Fetched fetched = new DataSetFetcher(installedRoot(), NO_PACKAGE, NO_SOURCE).fetch(set, dataDirectory());
        assertEquals("installed package fixture-things (" + installedRoot() + ")", fetched.from());
        assertFetched();
    }

    @Test
    void aPackageWithoutTheFilesIsReported() throws IOException {
        PackageDownloader empty = (name, work) -> work.resolve("root");
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> new DataSetFetcher(installedRoot(), empty, NO_SOURCE).fetch(set, dataDirectory()));
        assertTrue(e.getMessage().contains("\n  installed package fixture-things: not installed (no "
                + set.files().get(0).inPackage(installedRoot()) + ", " + set.files().get(1).inPackage(installedRoot()) + ")"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\n  apt-get download fixture-things + dpkg-deb -x: the package has no "
                + "opt/fixture/things/a.csv.gz, opt/fixture/things/b.json\n"), e.getMessage());
    }

    @Test
    void theDataSetReadsAFileOnlyWhenItsChecksumMatches() throws IOException {
        PublishedDataSet installed = PublishedFixtures.install(dataDirectory(), "things", files(FIRST, SECOND));
        assertArrayEquals(SECOND, installed.read(dataDirectory(), installed.file("b.json")));
        Files.write(dataDirectory().resolve("things/b.json"), WRONG);
        TransferLabException e = assertThrows(TransferLabException.class, () -> installed.read(dataDirectory(), installed.file("b.json")));
        assertEquals(dataDirectory().resolve("things/b.json") + ": SHA-256 is " + PublishedDataSet.sha256(WRONG) + ", expected "
                + PublishedDataSet.sha256(SECOND) + " (15 bytes); the file is truncated, changed or not the published things data. "
                + "Run `./transferlab data fetch things` to replace it", e.getMessage());
    }

    @Test
    void sha256IsTheStandardDigest() {
        // The SHA-256 of "abc" from FIPS 180-2, appendix B.1.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                PublishedDataSet.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
