package org.transferlab.experiments.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either its old content or its new content, never a part: the
 * bytes go to a temporary file in the same directory, are forced to disk, and the temporary file is
 * renamed over the target. A kill at any point leaves at most a stray {@code .tmp-} file behind.
 */
public final class AtomicFiles {
    static final String TEMP_MARK = ".tmp-";

    private AtomicFiles() {
    }

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName() + TEMP_MARK, "");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(content));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static boolean isTemporary(Path file) {
        return file.getFileName().toString().contains(TEMP_MARK);
    }
}
