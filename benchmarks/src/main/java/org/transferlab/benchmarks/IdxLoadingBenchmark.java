package org.transferlab.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.transferlab.core.loader.fashion.FashionMnistFiles;
import org.transferlab.core.loader.fashion.IdxFile;

/**
 * Reading Fashion-MNIST's 60,000 training images from their gzip-compressed IDX file, in images per
 * second: {@link IdxFile#readImages} (decompress, parse the header, SHA-256 the content) against the
 * floor of decompressing the same file into nothing.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IdxLoadingBenchmark {
    private static final int IMAGES = 60_000;
    private Path file;

    @Setup
    public void locate() {
        file = FashionMnistFiles.standard().locate(Path.of("data")).resolve(FashionMnistFiles.TRAIN_IMAGES);
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void readIdxImages(Blackhole blackhole) {
        blackhole.consume(IdxFile.readImages(file));
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public long baselineGunzipOnly() throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16)) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
