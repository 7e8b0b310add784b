package org.transferlab.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferlab.core.TransferLabException;
import org.transferlab.transfer.TrainingLog;

/**
 * A run's output directory, built in a hidden staging directory beside it and moved into place in one
 * rename when the run succeeds. A run that fails, or is interrupted, leaves no half-written results:
 * the staging directory is deleted (by a shutdown hook if the JVM is stopped).
 */
public final class RunDirectory implements CurveSink, AutoCloseable {
    private final Path target;
    private final Path staging;
    private final Thread cleanup;
    private boolean committed;

    private RunDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
        this.cleanup = new Thread(this::deleteStaging, "transferlab-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Starts a run into {@code target}, which must not exist yet or be an empty directory. */
    public static RunDirectory create(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                boolean empty;
                try (Stream<Path> entries = Files.list(absolute)) {
                    empty = entries.findAny().isEmpty();
                }
                if (!empty) {
                    throw new TransferLabException(absolute + ": the run directory already holds results; choose another --out");
                }
            }
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
            Files.createDirectories(staging.resolve("curves"));
            return new RunDirectory(absolute, staging);
        } catch (IOException e) {
            throw new TransferLabException(absolute + ": cannot create the run directory (" + e + ")", e);
        }
    }

    /** The final location of the run. */
    public Path target() {
        return target;
    }

    /** Writes a file into the staging directory. */
    public void write(String name, String content) {
        try {
            Files.writeString(staging.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TransferLabException(target.resolve(name) + ": cannot write (" + e + ")", e);
        }
    }

    /** Opens a writer on a file in the staging directory. */
    public Writer writer(String name) throws IOException {
        return Files.newBufferedWriter(staging.resolve(name), StandardCharsets.UTF_8);
    }

    @Override
    public TrainingLog open(String name) {
        Path file = staging.resolve("curves").resolve(name + ".csv");
        return (phase, epoch, trainLoss, validationLoss, validationAccuracy) -> {
            try {
                boolean fresh = !Files.exists(file);
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                     CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                    if (fresh) {
                        printer.printRecord("phase", "epoch", "train_loss", "val_loss", "val_accuracy");
                    }
                    printer.printRecord(phase, epoch, ResultsCsv.number(trainLoss), ResultsCsv.number(validationLoss),
                            ResultsCsv.number(validationAccuracy));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot write the learning curve", e);
            }
        };
    }

    /** Moves the finished run into place. */
    public void commit() {
        try {
            if (Files.isDirectory(target)) {
                Files.delete(target);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            throw new TransferLabException(target + ": another process wrote results there during the run", e);
        } catch (IOException e) {
            throw new TransferLabException(target + ": cannot move the finished run into place (" + e + ")", e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            deleteStaging();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run; nothing left to undo.
        }
    }

    private void deleteStaging() {
        if (committed || !Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println(String.format(Locale.ROOT, "warning: could not delete %s (%s)", staging, e));
        }
    }
}
