package org.transferlab.experiments.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.loader.fashion.FashionMnistFiles;

/**
 * Runs one reproduction and publishes {@code RESULTS/NAME} atomically: everything is written into a
 * hidden staging folder beside it, and only a run that finished, report included, is renamed into place
 * (replacing an earlier result). A run that fails leaves the earlier result, if any, untouched and no
 * staging folder behind.
 */
public final class ReproductionRunner {
    public static final String REPORT = "report.md";

    /** Where the published results are and what they hold. */
    public record Outcome(Path folder, Findings findings, double wallSeconds) {
    }

    private final Path resultsRoot;
    private final Path dataDirectory;
    private final FashionMnistFiles fashionMnist;
    private final int threads;
    private final java.util.function.Consumer<String> progress;

    public ReproductionRunner(Path resultsRoot, Path dataDirectory, FashionMnistFiles fashionMnist, int threads,
                              java.util.function.Consumer<String> progress) {
        this.resultsRoot = resultsRoot;
        this.dataDirectory = dataDirectory;
        this.fashionMnist = fashionMnist;
        this.threads = threads;
        this.progress = progress;
    }

    public <S extends Record> Outcome run(Reproduction<S> reproduction, S settings, Invocation invocation) {
        Path target = resultsRoot.resolve(reproduction.name());
        Path staging;
        try {
            Files.createDirectories(resultsRoot);
            staging = Files.createTempDirectory(resultsRoot, "." + reproduction.name() + ".partial-");
        } catch (IOException e) {
            throw new TransferLabException(resultsRoot + ": cannot create the results folder (" + e + ")", e);
        }
        // A run stopped with Ctrl-C or kill takes its staging folder with it; only SIGKILL leaves one (hidden, named .partial).
        Thread cleanup = new Thread(() -> deleteQuietly(staging), "reproduction-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            long start = System.nanoTime();
            Findings findings = reproduction.run(settings, new ReproductionContext(staging, dataDirectory, fashionMnist,
                    threads, progress));
            double seconds = (System.nanoTime() - start) / 1e9;
            String report = ReproductionReport.markdown(reproduction, settings, invocation, findings, seconds, Instant.now());
            Files.writeString(staging.resolve(REPORT), report, StandardCharsets.UTF_8);
            publish(staging, target);
            return new Outcome(target, findings, seconds);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new TransferLabException(target + ": cannot write the results (" + e + ")", e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(staging);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook runs and finds nothing left to delete.
            }
        }
    }

    private static void publish(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteQuietly(old);
        }
    }

    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort: the staging folder is hidden and named as such, and the error that matters is the run's.
        }
    }
}
