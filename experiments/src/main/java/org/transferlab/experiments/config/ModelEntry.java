package org.transferlab.experiments.config;

import java.util.List;
import java.util.Objects;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.pretrained.ModelFile;

/**
 * A pretrained source network as the config's {@code models} section declares it: its name, the file as
 * written and the file read and checked ({@link ModelFile}). Its canonical description holds the file's
 * SHA-256, not its path, so a model's cells, seeds and cached embeddings change exactly when its bytes do.
 *
 * @param file the path as the config writes it
 * @param line where the model is declared, for messages
 */
public record ModelEntry(String name, String file, ModelFile model, int line) implements SourceEntry {
    public ModelEntry {
        Objects.requireNonNull(model, "model");
    }

    /**
     * The keys of a {@code models} entry.
     *
     * @param file       the DL4J model zip (from {@code ModelSerializer.writeModel}) or Keras HDF5 file; a relative path resolves
     *                   against the config file's folder and may not leave it through '..'
     * @param cutAt      the layer whose activations are transferred, by index or name (default: the last layer
     *                   below the softmax output layer); see {@link ModelFile.Request}
     * @param inputShape {@code [features]} or {@code [channels, height, width]} (default: read from the model)
     * @param classes    names of the model's softmax outputs in output order (default output-0, output-1, ...)
     * @param sha256     the SHA-256 the file must have (default: not checked)
     */
    public record Parameters(
            String file,
            @Default("") String cutAt,
            @Default("[]") List<Integer> inputShape,
            @Default("[]") List<String> classes,
            @Default("") String sha256) {
        public Parameters {
            inputShape = List.copyOf(inputShape);
            classes = List.copyOf(classes);
            if (file.isBlank()) {
                throw new IllegalArgumentException("file must name a model file");
            }
            if (!sha256.isEmpty() && !sha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("sha256 must be 64 hex digits, got '" + sha256 + "'");
            }
        }

        ModelFile.Request request() {
            return new ModelFile.Request(cutAt, inputShape, classes, sha256);
        }
    }

    @Override
    public String canonical() {
        return "model:" + name + ":" + model.sha256() + ":cut-at=" + model.cutAt() + ":input=" + ModelFile.describe(model.inputShape())
                + ":classes=" + model.classNames();
    }
}
