package org.transferlab.experiments.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.transferlab.core.TransferLabException;

/**
 * The daemon threads a reproduction trains its models on, and waiting for their results: a job's
 * runtime exception reaches the caller as itself, and closing stops whatever is still running.
 */
public final class Workers implements AutoCloseable {
    private final ExecutorService pool;

    public Workers(int threads, String name) {
        pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> Future<T> submit(Callable<T> job) {
        return pool.submit(job);
    }

    /** The results of {@code futures}, in order, once each has finished. */
    public static <T> List<T> results(List<Future<T>> futures) {
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferLabException("the reproduction was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
