package org.transferlab.transfer.pretrained;

import java.nio.file.Path;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A Keras model saved as HDF5 ({@code model.save("net.h5")}), imported with DL4J's model import: a
 * {@code Sequential} model as a {@code MultiLayerNetwork}, a functional {@code Model} as a graph that must be a
 * plain chain ({@link GraphChain}). No training configuration is enforced, so a model saved without one
 * imports too; its last softmax layer then stays a dense layer with softmax outputs. Import reaches only what
 * DL4J supports (its list of Keras layers); anything else is refused with DL4J's reason.
 */
final class KerasImport {
    private KerasImport() {
    }

    static MultiLayerNetwork restore(Path file) {
        // The HDF5 library prints its own error stack on stderr; the message below says what failed.
        org.bytedeco.hdf5.Exception.dontPrint();
        String className;
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            if (!archive.hasAttribute("model_config")) {
                throw new ModelFileException("file", file + " is an HDF5 file without a Keras model_config attribute, so "
                        + "not a Keras model saved with model.save (weights alone, from save_weights, are not enough)");
            }
            className = archive.readAttributeAsJson("model_config").replaceAll("(?s).*?\"class_name\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        } catch (ModelFileException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelFileException("file", file + " is an HDF5 file that cannot be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); is it truncated?", e);
        }
        try {
            return className.equals("Sequential")
                    ? KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false)
                    : GraphChain.toMultiLayerNetwork(KerasModelImport.importKerasModelAndWeights(file.toString(), false),
                            file.toString());
        } catch (ModelFileException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelFileException("file", file + " is a Keras model (" + className + ") that DL4J cannot import ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
