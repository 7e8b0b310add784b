package org.transferlab.experiments.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.SourceModel;

/**
 * Trained source models on disk, so that a resumed run, another shard or another study with the same
 * source reuses them. An entry is content-addressed: its key is the SHA-256 of everything that
 * determines the model (the source domain's description and data checksums, its train share, the
 * network, the seed, this format's version). It is a DL4J model zip plus a properties file with the
 * zip's SHA-256 and the model's metrics; the properties file is written last, atomically, and marks
 * the entry complete. The zip also holds the model's {@link InputScaling} (the source's training statistics,
 * as the entry {@value #SCALING_ENTRY}), so the checksum covers them: an entry whose zip does not match its
 * checksum, does not load, lacks the scaling or holds one that does not fit the source's features is
 * reported, deleted and retrained. Version 2 added the scaling; entries of version 1 are never looked up
 * again (their keys differ) and can be deleted.
 */
public final class SourceModelStore {
    static final String FORMAT = "transferlab-source-model-v2";
    /** At the zip's root: DL4J refuses to restore a model zip that has a directory entry. */
    static final String SCALING_ENTRY = "transferlab-input-scaling.properties";
    private static final String METRIC = "metric.";
    private final Path directory;
    private final Consumer<String> warnings;
    private final java.util.concurrent.ConcurrentMap<String, Object> localLocks = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param directory where entries live; null disables the store */
    public SourceModelStore(Path directory, Consumer<String> warnings) {
        this.directory = directory;
        this.warnings = warnings;
    }

    public static SourceModelStore disabled() {
        return new SourceModelStore(null, message -> { });
    }

    /** The content address of the source model a cell needs. */
    public static String key(Cell cell, Map<String, String> sourceProvenance) {
        String description = FORMAT + "\n" + cell.source().canonical() + "\n" + cell.shares().source() + "\n"
                + cell.network() + "\n" + cell.sourceSeed() + "\n" + new TreeMap<>(sourceProvenance);
        return HexFormat.of().formatHex(sha256().digest(description.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The stored model, or empty when there is none (or it was corrupt, which is reported).
     *
     * @param shape the source domain's feature shape, which decides the scaling the entry must hold
     */
    public Optional<SourceModel> load(String key, Cell cell, List<String> classNames, FeatureShape shape) {
        if (directory == null || !Files.isRegularFile(properties(key))) {
            return Optional.empty();
        }
        try {
            Properties entry = new Properties();
            try (InputStream in = Files.newInputStream(properties(key))) {
                entry.load(in);
            }
            if (!FORMAT.equals(entry.getProperty("format"))) {
                return corrupt(key, "written by another version (" + entry.getProperty("format") + ", expected " + FORMAT + ")");
            }
            String actual = fileSha256(zip(key));
            if (!actual.equals(entry.getProperty("zip-sha256"))) {
                return corrupt(key, "its model zip has SHA-256 " + actual + ", expected " + entry.getProperty("zip-sha256"));
            }
            MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(zip(key).toFile(), false);
            InputScaling scaling;
            try {
                scaling = InputScaling.parse(readScaling(zip(key)));
            } catch (IllegalArgumentException e) {
                return corrupt(key, "its input scaling is unreadable (" + e.getMessage() + ")");
            }
            if (scaling.standardises() == shape.isImage()
                    || scaling.standardises() && scaling.standardizer().featureCount() != shape.size()) {
                return corrupt(key, "its input scaling (" + scaling.describe() + ") is not the one a source of "
                        + shape.size() + " " + (shape.isImage() ? "pixels" : "tabular features") + " is trained with");
            }
            Map<String, Double> metrics = new TreeMap<>();
            for (String name : entry.stringPropertyNames()) {
                if (name.startsWith(METRIC)) {
                    metrics.put(name.substring(METRIC.length()), Double.parseDouble(entry.getProperty(name)));
                }
            }
            return Optional.of(new SourceModel(network, cell.network(), classNames, cell.sourceSeed(), metrics, scaling));
        } catch (IOException | RuntimeException e) {
            return corrupt(key, "it cannot be read (" + e + ")");
        }
    }

    /**
     * Runs {@code work} (load the entry, or train and save it) while holding the entry's lock, so that
     * processes sharing the directory, such as the tasks of a Slurm array on a shared file system, train
     * each source model once: a second process waits and then loads what the first stored. The lock is
     * an operating-system lock on {@code KEY.lock}, released by the kernel if its holder dies; on a file
     * system without locks the work runs unlocked, and a second training is harmless, since it gives
     * the same model (same data, network and seed) and entries are replaced atomically.
     */
    public <T> T exclusively(String key, java.util.function.Supplier<T> work) {
        if (directory == null) {
            return work.get();
        }
        // File locks belong to the process: threads of one process take turns on the in-process lock first.
        synchronized (localLocks.computeIfAbsent(key, k -> new Object())) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                return work.get();
            }
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(directory.resolve(key + ".lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock lock = lockOrNull(channel)) {
                return work.get();
            } catch (IOException e) {
                warnings.accept("warning: could not lock the source-model cache entry " + key + " (" + e + "); continuing without");
                return work.get();
            }
        }
    }

    private java.nio.channels.FileLock lockOrNull(java.nio.channels.FileChannel channel) {
        try {
            return channel.lock();
        } catch (IOException e) {
            warnings.accept("warning: the file system of " + directory + " does not support locks (" + e + "); "
                    + "a source model needed by two processes at once may be trained twice, with the same result");
            return null;
        }
    }

    /** Stores a model; a failure to store is reported and otherwise ignored, since the model is in hand. */
    public void save(String key, SourceModel model) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, key + ".zip" + AtomicFiles.TEMP_MARK, "");
            try {
                ModelSerializer.writeModel(model.copy(), temp.toFile(), false);
                writeScaling(temp, model.inputScaling());
                String sha = fileSha256(temp);
                Files.move(temp, zip(key), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Properties entry = new Properties();
                entry.setProperty("format", FORMAT);
                entry.setProperty("zip-sha256", sha);
                model.metrics().forEach((name, value) -> entry.setProperty(METRIC + name, Double.toString(value)));
                StringWriter text = new StringWriter();
                entry.store(text, "TransferLab source model");
                AtomicFiles.write(properties(key), text.toString());
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            warnings.accept("warning: could not store the source model in " + directory + " (" + e + "); continuing without");
        }
    }

    private Optional<SourceModel> corrupt(String key, String why) {
        warnings.accept("warning: cached source model " + zip(key) + " is unusable: " + why + "; deleting it and retraining");
        try {
            Files.deleteIfExists(properties(key));
            Files.deleteIfExists(zip(key));
        } catch (IOException e) {
            throw new TransferLabException(zip(key) + ": cannot delete the unusable cache entry (" + e + ")", e);
        }
        return Optional.empty();
    }

    /** Adds the scaling to the model zip, as a text entry beside DL4J's. */
    private static void writeScaling(Path zip, InputScaling scaling) throws IOException {
        try (FileSystem files = FileSystems.newFileSystem(zip)) {
            Files.writeString(files.getPath(SCALING_ENTRY), scaling.text(), StandardCharsets.UTF_8);
        }
    }

    private static String readScaling(Path zip) throws IOException {
        try (FileSystem files = FileSystems.newFileSystem(zip)) {
            Path entry = files.getPath(SCALING_ENTRY);
            if (!Files.isRegularFile(entry)) {
                throw new IllegalArgumentException("the zip has no " + SCALING_ENTRY);
            }
            return Files.readString(entry, StandardCharsets.UTF_8);
        }
    }

    private Path zip(String key) {
        return directory.resolve(key + ".zip");
    }

    private Path properties(String key) {
        return directory.resolve(key + ".properties");
    }

    private static String fileSha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
