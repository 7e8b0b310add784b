package org.transferlab.experiments.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.transferlab.core.TransferLabException;
import org.transferlab.experiments.run.AtomicFiles;

/**
 * A study submitted to Slurm as a job array of {@code tasks} tasks, laid out inside its run directory
 * {@code DIR}: task I runs shard I/tasks into its own run directory {@code DIR/shards/I}; the job
 * scripts, this record ({@code array.properties}) and the tasks' logs live in {@code DIR/slurm/}; the
 * merge job copies the shards' finished cells into {@code DIR} itself, which is an ordinary run
 * directory ({@code report DIR} works on it).
 *
 * @param directory the study's run directory, absolute
 * @param tasks     the number of array tasks (and shards); fixed for the life of the directory, since
 *                  another count would deal the cells out differently
 * @param config    the config file the tasks run, absolute
 */
public record SlurmArray(Path directory, int tasks, Path config) {
    static final String FOLDER = "slurm";
    private static final String FILE = "array.properties";

    public SlurmArray {
        directory = directory.toAbsolutePath().normalize();
        config = config.toAbsolutePath().normalize();
        if (tasks < 1) {
            throw new TransferLabException("--tasks must be at least 1, got " + tasks);
        }
    }

    /** The run directory of task {@code task}. */
    public Path shard(int task) {
        return directory.resolve("shards").resolve(Integer.toString(task));
    }

    public Path scripts() {
        return directory.resolve(FOLDER);
    }

    public Path taskScript() {
        return scripts().resolve("task.sh");
    }

    public Path mergeScript() {
        return scripts().resolve("merge.sh");
    }

    public Path logs() {
        return scripts().resolve("logs");
    }

    /** The array recorded in {@code directory} by an earlier submission, if any. */
    public static Optional<SlurmArray> read(Path directory) {
        Path file = directory.resolve(FOLDER).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return Optional.of(new SlurmArray(directory, Integer.parseInt(properties.getProperty("tasks", "")),
                    Path.of(properties.getProperty("config", ""))));
        } catch (IOException | NumberFormatException e) {
            throw new TransferLabException(file + ": cannot be read (" + e.getMessage() + "); it records how the study was "
                    + "submitted (tasks=N, config=PATH)", e);
        }
    }

    /** Like {@link #read} for a directory that must have been submitted. */
    public static SlurmArray existing(Path directory) {
        return read(directory.toAbsolutePath().normalize()).orElseThrow(() -> new TransferLabException(directory.toAbsolutePath()
                + ": no Slurm submission here (no " + FOLDER + "/" + FILE + "); submit with './transferlab slurm submit CONFIG --out "
                + directory + "'"));
    }

    /** Writes the record and creates the folders the job scripts write into. */
    public void save() throws IOException {
        Files.createDirectories(logs());
        Properties properties = new Properties();
        properties.setProperty("tasks", Integer.toString(tasks));
        properties.setProperty("config", config.toString());
        StringWriter text = new StringWriter();
        properties.store(text, "TransferLab Slurm array: task I runs shard I/tasks into shards/I");
        AtomicFiles.write(scripts().resolve(FILE), text.toString());
    }
}
