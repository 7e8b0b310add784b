package org.transferlab.experiments.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.transferlab.core.TransferLabException;

/**
 * A study's run directory: the config it was made from, one committed record per finished cell, the
 * learning curves, and the assembled {@code results.csv} and {@code report.md}.
 *
 * <p>Each cell is committed on its own: its row ({@code cells/ID.csv}) and its curve are written
 * atomically, then an empty {@code cells/ID.done} marker is written last. Only cells with a marker
 * count as finished, so after a kill, even SIGKILL, re-running the same command runs exactly the
 * cells that had not finished. The directory remembers its config: running a different config into
 * it is refused unless asked for explicitly.
 */
public final class RunDirectory implements AutoCloseable {
    public static final String CONFIG = "config.yaml";
    static final String DIGEST = ".config-sha256";
    static final String CELLS = "cells";
    static final String CURVES = "curves";
    private static final String DONE = ".done";
    private static final String FAILED = ".failed.txt";
    private static final String TRIBUO_PROVENANCE = ".tribuo.txt";
    private static final String CANDIDATES = ".candidates.csv";

    private final Path dir;
    private final boolean createdNow;
    private final RunLock lock;

    private RunDirectory(Path dir, boolean createdNow, RunLock lock) {
        this.dir = dir;
        this.createdNow = createdNow;
        this.lock = lock;
    }

    /**
     * Opens {@code target} for a study with this config and locks it (see {@link RunLock}): a new or
     * empty directory is set up; one made from the same config is resumed; one made from another
     * config is refused unless {@code allowChangedConfig}, and anything else is refused, as is a
     * directory another process has open. {@link #close()} releases the lock.
     */
    public static RunDirectory open(Path target, String configText, String configDigest, boolean allowChangedConfig) {
        Path dir = target.toAbsolutePath().normalize();
        boolean existed = Files.exists(dir);
        RunLock lock = null;
        boolean fresh = false;
        try {
            // Checked before anything is written: a directory that is not a run directory is left untouched.
            if (existed && !isEmptyDirectory(dir) && !Files.isRegularFile(dir.resolve(DIGEST))) {
                throw new TransferLabException(dir + ": exists and is not a TransferLab run directory (no " + DIGEST
                        + "); choose another --out");
            }
            Files.createDirectories(dir);
            lock = RunLock.acquire(dir);
            fresh = isEmptyDirectory(dir);
            if (!fresh) {
                String previous = Files.readString(dir.resolve(DIGEST), StandardCharsets.UTF_8).strip();
                if (!previous.equals(configDigest) && !allowChangedConfig) {
                    throw new TransferLabException(dir + ": holds a run of a different config (see its " + CONFIG
                            + "); choose another --out, or pass --allow-changed-config to add this config's cells to it");
                }
            }
            Files.createDirectories(dir.resolve(CELLS));
            Files.createDirectories(dir.resolve(CURVES));
            RunDirectory run = new RunDirectory(dir, fresh, lock);
            run.removeTemporaries();
            AtomicFiles.write(dir.resolve(CONFIG), configText);
            AtomicFiles.write(dir.resolve(DIGEST), configDigest + "\n");
            return run;
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                if (fresh) {
                    deleteTree(dir);
                }
                lock.close();
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new TransferLabException(dir + ": cannot set up the run directory (" + describe((IOException) e) + ")", e);
        }
    }

    /**
     * Who last held this directory's lock without releasing it (a run that was killed), if anyone;
     * its committed cells are kept and the rest run now.
     */
    public java.util.Optional<String> interruptedRun() {
        return lock == null ? java.util.Optional.empty() : lock.previousHolder();
    }

    /** Releases the lock taken by {@link #open}; a directory opened for reading holds none. */
    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }

    /** Whether {@code target} is a run directory: it has the config it was made from and that config's digest. */
    public static boolean holdsRun(Path target) {
        Path dir = target.toAbsolutePath().normalize();
        return Files.isRegularFile(dir.resolve(DIGEST)) && Files.isRegularFile(dir.resolve(CONFIG));
    }

    /** An existing run directory, for reading (report, merge). */
    public static RunDirectory existing(Path target) {
        Path dir = target.toAbsolutePath().normalize();
        if (!holdsRun(dir)) {
            throw new TransferLabException(dir + ": not a TransferLab run directory (it needs " + CONFIG + " and " + DIGEST + ")");
        }
        return new RunDirectory(dir, false, null);
    }

    public Path path() {
        return dir;
    }

    public Path config() {
        return dir.resolve(CONFIG);
    }

    public String configDigest() {
        try {
            return Files.readString(dir.resolve(DIGEST), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new TransferLabException(dir.resolve(DIGEST) + ": cannot be read (" + e + ")", e);
        }
    }

    /** The ids of the cells committed so far. */
    public Set<String> finished() {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(dir.resolve(CELLS))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(DONE))
                    .forEach(n -> ids.add(n.substring(0, n.length() - DONE.length())));
        } catch (IOException e) {
            throw new TransferLabException(dir.resolve(CELLS) + ": cannot be listed (" + e + ")", e);
        }
        return ids;
    }

    /**
     * Commits a finished cell: its curve, the provenance of its Tribuo model (if any, as
     * {@code cells/ID.tribuo.txt}), its candidates' records (if it had several, as {@code cells/ID.candidates.csv})
     * and its row, then the marker that makes it count.
     */
    public void commitCell(StoredResult row, String curveCsv, String modelProvenance, List<CandidateRecord> candidates) {
        String id = row.cellId();
        try {
            AtomicFiles.write(dir.resolve(CURVES).resolve(id + ".csv"), curveCsv);
            if (!modelProvenance.isEmpty()) {
                AtomicFiles.write(dir.resolve(CELLS).resolve(id + TRIBUO_PROVENANCE), modelProvenance);
            }
            if (!candidates.isEmpty()) {
                AtomicFiles.write(dir.resolve(CELLS).resolve(id + CANDIDATES), CandidateRecord.csv(candidates));
            }
            AtomicFiles.write(dir.resolve(CELLS).resolve(id + ".csv"), ResultsCsv.csv(List.of(row)));
            AtomicFiles.write(dir.resolve(CELLS).resolve(id + DONE), new byte[0]);
            Files.deleteIfExists(dir.resolve(CELLS).resolve(id + FAILED));
        } catch (IOException e) {
            throw new RunDirectoryException(dir + ": cannot commit cell " + id + " (" + describe(e) + "); the cells committed "
                    + "before it are kept, and re-running the same command runs the rest", e);
        }
    }

    /** Records why a cell failed, with the stack trace; the cell stays unfinished, so a re-run retries it. */
    public void recordFailure(String id, String message, Throwable error) {
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        write(CELLS + "/" + id + FAILED, message + "\n\n" + trace);
    }

    /** Why each unfinished cell with a recorded failure failed: its first line, by cell id. */
    public Map<String, String> failures() {
        Map<String, String> failures = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(dir.resolve(CELLS))) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(FAILED)).toList()) {
                String name = file.getFileName().toString();
                failures.put(name.substring(0, name.length() - FAILED.length()),
                        Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            }
        } catch (IOException e) {
            throw new TransferLabException(dir.resolve(CELLS) + ": cannot be listed (" + e + ")", e);
        }
        return failures;
    }

    /** The candidates' records of a finished cell that had several; empty for one that had one. */
    public List<CandidateRecord> candidates(String id) {
        Path file = dir.resolve(CELLS).resolve(id + CANDIDATES);
        return Files.isRegularFile(file) ? CandidateRecord.read(file) : List.of();
    }

    /** The committed result of a finished cell. */
    public StoredResult row(String id) {
        return ResultsCsv.readOne(dir.resolve(CELLS).resolve(id + ".csv"));
    }

    /** Copies a finished cell's committed files from another run directory (merge); the marker last. */
    public void adoptCell(RunDirectory from, String id) {
        try {
            for (Path file : List.of(from.dir.resolve(CURVES).resolve(id + ".csv"),
                    from.dir.resolve(CELLS).resolve(id + TRIBUO_PROVENANCE), from.dir.resolve(CELLS).resolve(id + CANDIDATES),
                    from.dir.resolve(CELLS).resolve(id + ".csv"),
                    from.dir.resolve(CELLS).resolve(id + DONE))) {
                if (Files.exists(file)) {
                    AtomicFiles.write(dir.resolve(from.dir.relativize(file)), Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new TransferLabException(dir + ": cannot copy cell " + id + " from " + from.dir + " (" + e + ")", e);
        }
    }

    /** Writes a file of the run atomically (results.csv, report.md, curves of source models). */
    public void write(String relative, String content) {
        try {
            AtomicFiles.write(dir.resolve(relative), content);
        } catch (IOException e) {
            throw new RunDirectoryException(dir.resolve(relative) + ": cannot write (" + describe(e) + ")", e);
        }
    }

    /** Removes the directory if this invocation created it and no cell was committed. */
    public void removeIfNothingFinished() {
        if (!createdNow || !finished().isEmpty()) {
            return;
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("warning: could not remove " + dir + " (" + e + ")");
        }
    }

    /**
     * An I/O failure in words; a full disk is said plainly, since it is the one a user most often
     * meets in a long run and the exception's own text ("No space left on device") is easy to miss.
     */
    static String describe(IOException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("No space left on device") || text.contains("Disk quota exceeded")) {
            return "the disk is full: " + e;
        }
        return e.toString();
    }

    private void removeTemporaries() throws IOException {
        List<Path> stray = new ArrayList<>();
        for (String sub : List.of("", CELLS, CURVES)) {
            try (Stream<Path> files = Files.list(dir.resolve(sub))) {
                files.filter(AtomicFiles::isTemporary).forEach(stray::add);
            }
        }
        for (Path p : stray) {
            Files.deleteIfExists(p);
        }
    }

    /** Empty, or holding only the lock file (a run that died before writing anything). */
    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(p -> p.getFileName().toString().equals(RunLock.FILE));
        }
    }
}
