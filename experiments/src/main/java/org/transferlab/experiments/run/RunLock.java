package org.transferlab.experiments.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.transferlab.core.TransferLabException;

/**
 * One process at a time in a run directory. The lock is an operating-system lock on {@code .lock}
 * ({@link FileChannel#tryLock()}), so the kernel releases it when its process ends, however it
 * ends: a lock left by a process killed with SIGKILL never blocks the next run. The file also records
 * who holds it (process id, host, start time), for the message that refuses a second run.
 *
 * <p>The file is never deleted while a run directory lives: deleting a lock file while another
 * process waits to open it would let two processes each lock a different file. Nor is it opened a
 * second time by the process that holds it: closing that second descriptor would release the lock.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<String> previousHolder;

    private RunLock(FileChannel channel, FileLock lock, Optional<String> previousHolder) {
        this.channel = channel;
        this.lock = lock;
        this.previousHolder = previousHolder;
    }

    /**
     * Takes the lock of {@code dir} (which must exist), or throws naming the directory and the
     * process that holds it.
     */
    public static RunLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process, through another channel
            }
            if (lock == null) {
                String holder = describe(Files.readString(file, StandardCharsets.UTF_8));
                throw new TransferLabException(dir + ": another TransferLab process is using this run directory ("
                        + holder + "); wait for it to finish, or choose another --out");
            }
            // Read through the locked channel itself: closing any other descriptor of this file would drop
            // the process's lock on it (POSIX record locks belong to the process and the file, not the descriptor).
            String previous = read(channel);
            String mine = "pid=" + ProcessHandle.current().pid() + "\nhost=" + host() + "\nstarted="
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(mine.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new RunLock(channel, lock, previous.isBlank() ? Optional.empty() : Optional.of(describe(previous)));
        } catch (IOException e) {
            close(channel);
            throw new TransferLabException(file + ": cannot lock the run directory (" + e + ")", e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    /**
     * Who held the lock before this process, when its record is still there: a run that ended
     * without releasing it, killed or crashed. (A run that finishes clears its record.)
     */
    public Optional<String> previousHolder() {
        return previousHolder;
    }

    /** Clears the holder's record and releases the lock. */
    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.truncate(0);
                lock.release();
            }
        } catch (IOException e) {
            // The kernel releases the lock with the channel below in any case; an unreadable record only loses a note.
        } finally {
            close(channel);
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read until the buffer is full or the file ends
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static String describe(String record) {
        java.util.Properties fields = new java.util.Properties();
        try {
            fields.load(new java.io.StringReader(record));
        } catch (IOException e) {
            return "holder unknown";
        }
        if (fields.getProperty("pid") == null) {
            return "holder unknown";
        }
        return "pid " + fields.getProperty("pid") + " on " + fields.getProperty("host", "an unknown host")
                + ", started " + fields.getProperty("started", "at an unknown time");
    }

    private static String host() {
        try {
            // The kernel's own name first: resolving the local host through DNS can stall for seconds.
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel, StandardCharsets.UTF_8).strip();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
