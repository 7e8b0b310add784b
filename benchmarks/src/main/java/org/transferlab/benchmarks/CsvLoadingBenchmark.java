package org.transferlab.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.csv.CsvLoader;

/**
 * Loading a CSV domain, in rows per second: {@link CsvLoader} on a 20,000-row file of 20 numeric
 * feature columns and a class column (parse, check every number, stratified test split) against the
 * floor of reading the file's lines.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CsvLoadingBenchmark {
    private static final int ROWS = 20_000;
    private static final int FEATURES = 20;
    private Path directory;
    private Path file;
    private CsvLoader.Parameters parameters;

    @Setup
    public void write() throws IOException {
        directory = Files.createTempDirectory("csv-bench");
        file = directory.resolve("table.csv");
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < FEATURES; j++) {
            text.append('x').append(j).append(',');
        }
        text.append("class\n");
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < FEATURES; j++) {
                text.append(String.format("%.5f", random.nextDouble() * 100)).append(',');
            }
            text.append("c").append(i % 3).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        parameters = new CsvLoader.Parameters("table.csv", "class", List.of(), TaskType.CLASSIFICATION, "", 0.3, 0, ",");
    }

    @TearDown
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(directory);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void loadCsvDomain(Blackhole blackhole) {
        blackhole.consume(new CsvLoader().load("table", parameters, LoadContext.of(directory)));
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void baselineReadLines(Blackhole blackhole) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                blackhole.consume(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
