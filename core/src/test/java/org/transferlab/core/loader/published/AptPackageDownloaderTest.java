package org.transferlab.core.loader.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the downloader with shell-script stand-ins for apt-get and dpkg-deb, so no network or package is needed. */
class AptPackageDownloaderTest {
    @TempDir
    Path temp;

    private String script(String name, String body) throws IOException {
        Path script = temp.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    @Test
    void downloadsIntoTheWorkDirectoryAndExtractsThePackage() throws Exception {
        // "apt-get download P" leaves P.deb in the current directory; "dpkg-deb -x DEB DIR" unpacks it into DIR.
        String aptGet = script("apt-get", "[ \"$1\" = download ] && echo payload > \"$2\"_1.0_all.deb");
        String dpkgDeb = script("dpkg-deb", "mkdir -p \"$3/usr/share/thing\" && cp \"$2\" \"$3/usr/share/thing/data.txt\"");
        Path work = Files.createDirectories(temp.resolve("work"));
        Path root = new AptPackageDownloader(aptGet, dpkgDeb).downloadAndExtract("python3-thing", work);
        assertEquals("payload\n", Files.readString(root.resolve("usr/share/thing/data.txt")));
    }

    @Test
    void aFailingDownloadSaysWhatAptGetSaid() throws Exception {
        String aptGet = script("apt-get", "echo 'Reading package lists...'; echo 'E: Unable to locate package python3-thing' >&2; exit 100");
        Path work = Files.createDirectories(temp.resolve("work"));
        PackageDownloader.PackageUnavailableException e = assertThrows(PackageDownloader.PackageUnavailableException.class,
                () -> new AptPackageDownloader(aptGet, "dpkg-deb").downloadAndExtract("python3-thing", work));
        assertEquals(aptGet + " download python3-thing exited with 100: Reading package lists... | "
                + "E: Unable to locate package python3-thing", e.getMessage());
    }

    @Test
    void aMissingProgramIsReported() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        String absent = temp.resolve("no-such-apt-get").toString();
        PackageDownloader.PackageUnavailableException e = assertThrows(PackageDownloader.PackageUnavailableException.class,
                () -> new AptPackageDownloader(absent, "dpkg-deb").downloadAndExtract("python3-thing", work));
        assertTrue(e.getMessage().startsWith(absent + " download python3-thing: cannot run ("), e.getMessage());
    }
}
