package org.transferlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.transferlab.transfer.TransferContext;

class SourceArtifactCacheTest {
    @Test
    void cellsOfOneSourceShareOneComputationEvenWhenTheyAskAtOnce() throws Exception {
        SourceArtifactCache cache = new SourceArtifactCache();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TransferContext.SourceArtifacts view = cache.forSource("seed-1/cars-usa");
                results.add(pool.submit(() -> {
                    start.await();
                    return view.get("mlp", () -> {
                        computed.incrementAndGet();
                        return new Object();
                    });
                }));
            }
            start.countDown();
            Object first = results.get(0).get();
            for (Future<Object> result : results) {
                assertSame(first, result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, computed.get());
        assertNotSame(cache.forSource("seed-2/cars-usa").get("mlp", Object::new),
                cache.forSource("seed-1/cars-usa").get("mlp", Object::new), "another seed has its own");
    }

    @Test
    void aFailedComputationIsNotKept() {
        SourceArtifactCache cache = new SourceArtifactCache();
        TransferContext.SourceArtifacts view = cache.forSource("s");
        assertThrows(IllegalStateException.class, () -> view.get("k", () -> {
            throw new IllegalStateException("diverged");
        }));
        assertEquals("ok", view.get("k", () -> "ok"));
    }
}
