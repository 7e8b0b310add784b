package org.transferlab.transfer.pretrained;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.data.FeatureShape;

/**
 * The shape of the examples a model file's network takes. TransferLab feeds every network flat rows of
 * features; a network takes them as they are (a dense first layer: its input count) or through a preprocessor
 * that makes images of them (a CNN built for flat input: the preprocessor's channels, height and width). A CNN
 * built for image input has neither, and its image size is not in the file: the config's {@code input-shape}
 * gives it, and the same preprocessor is added in front of the first layer.
 */
final class InputShapes {
    private InputShapes() {
    }

    /** The input shape, from the model and the config's {@code input-shape} (which must agree when both say). */
    static FeatureShape resolve(MultiLayerNetwork network, List<Integer> given, Path file) {
        Optional<FeatureShape> configured = configured(given, file);
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        InputPreProcessor preprocessor = conf.getInputPreProcess(0);
        Layer first = conf.getConf(0).getLayer();
        String firstLayer = "its first layer, " + Layers.kind(first);
        if (preprocessor instanceof FeedForwardToCnnPreProcessor images) {
            FeatureShape own = FeatureShape.image((int) images.getNumChannels(), (int) images.getInputHeight(),
                    (int) images.getInputWidth());
            configured.filter(c -> !c.equals(own)).ifPresent(c -> {
                throw disagreement(file, c, own);
            });
            return own;
        }
        if (preprocessor != null) {
            throw new ModelFileException("file", file + ": " + firstLayer + ", takes its input through a "
                    + preprocessor.getClass().getSimpleName() + ", and TransferLab feeds a network flat rows of features");
        }
        if (first instanceof ConvolutionLayer || first instanceof SubsamplingLayer) {
            FeatureShape image = configured.filter(FeatureShape::isImage).orElseThrow(() -> new ModelFileException("input-shape",
                    file + ": " + firstLayer + ", takes images whose size the file does not record; give input-shape: "
                            + "[channels, height, width]" + configured.map(c -> ", not " + describe(c)).orElse("")));
            conf.getInputPreProcessors().put(0, new FeedForwardToCnnPreProcessor(image.height(), image.width(), image.channels()));
            return image;
        }
        if (first instanceof FeedForwardLayer dense && dense.getNIn() > 0) {
            FeatureShape own = FeatureShape.flat((int) dense.getNIn());
            // A flat network reads an image's values in row-major order: an image shape of the same size agrees.
            configured.filter(c -> c.size() != own.size()).ifPresent(c -> {
                throw disagreement(file, c, own);
            });
            return configured.orElse(own);
        }
        throw new ModelFileException("file", file + ": " + firstLayer + ", does not take flat rows of features, which is "
                + "what TransferLab feeds a network");
    }

    private static Optional<FeatureShape> configured(List<Integer> given, Path file) {
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if ((given.size() != 1 && given.size() != 3) || given.stream().anyMatch(v -> v < 1)) {
            throw new ModelFileException("input-shape", "input-shape must be [features] or [channels, height, width], "
                    + "positive numbers, got " + given);
        }
        return Optional.of(given.size() == 1 ? FeatureShape.flat(given.get(0))
                : FeatureShape.image(given.get(0), given.get(1), given.get(2)));
    }

    private static ModelFileException disagreement(Path file, FeatureShape configured, FeatureShape own) {
        return new ModelFileException("input-shape", "input-shape says " + describe(configured) + ", but " + file
                + " takes inputs of " + describe(own));
    }

    private static String describe(FeatureShape shape) {
        return ModelFile.describe(shape);
    }
}
