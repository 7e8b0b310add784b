package org.transferlab.core.loader.published;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Tiny published data sets written by the tests themselves, with their own checksums. */
public final class PublishedFixtures {
    private PublishedFixtures() {
    }

    /** A data set whose files have these contents (name to bytes), installed under /opt/fixture/NAME/. */
    public static PublishedDataSet dataSet(String name, Map<String, byte[]> contents) {
        List<PublishedFile> files = new ArrayList<>();
        contents.forEach((file, bytes) -> files.add(new PublishedFile(file, "/opt/fixture/" + name + "/" + file,
                URI.create("https://example.org/" + name + "/" + file), PublishedDataSet.sha256(bytes))));
        return new PublishedDataSet(name, "fixture-" + name, files);
    }

    /** Writes {@code contents} into {@code dataDirectory/name} and returns the data set with their checksums. */
    public static PublishedDataSet install(Path dataDirectory, String name, Map<String, byte[]> contents) {
        try {
            Path directory = Files.createDirectories(dataDirectory.resolve(name));
            for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                Files.write(directory.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataSet(name, contents);
    }

    /** One file. */
    public static PublishedDataSet install(Path dataDirectory, String name, String file, byte[] content) {
        return install(dataDirectory, name, Map.of(file, content));
    }

    /** Two files, in this order. */
    public static PublishedDataSet install(Path dataDirectory, String name, String first, byte[] firstContent,
                                           String second, byte[] secondContent) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put(first, firstContent);
        contents.put(second, secondContent);
        return install(dataDirectory, name, contents);
    }

    /** {@code text} gzip-compressed. */
    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
