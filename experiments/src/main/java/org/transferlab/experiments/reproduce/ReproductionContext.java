package org.transferlab.experiments.reproduce;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.transferlab.core.loader.fashion.FashionMnistFiles;

/**
 * What a reproduction gets to run with.
 *
 * @param output        the folder to write tables and figures into (a staging folder that becomes
 *                      {@code results/NAME} only when the run succeeds)
 * @param dataDirectory where data sets live (as for {@code run --data-dir})
 * @param fashionMnist  where Fashion-MNIST's files are found and how they are verified (tests pass fixtures)
 * @param threads       how many threads the reproduction may use (the machine's cores unless told otherwise)
 * @param progress      receives one-line progress messages
 */
public record ReproductionContext(Path output, Path dataDirectory, FashionMnistFiles fashionMnist, int threads,
                                  Consumer<String> progress) {
    public ReproductionContext {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(fashionMnist, "fashionMnist");
        Objects.requireNonNull(progress, "progress");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
