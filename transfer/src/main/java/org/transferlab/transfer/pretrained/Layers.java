package org.transferlab.transfer.pretrained;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.transferlab.core.data.FeatureShape;

/**
 * A model file's layers with the shape of what each outputs for the model's input shape: where it can be
 * cut (a layer with flat outputs, below a softmax output layer), and how messages name its layers.
 */
final class Layers {
    private final Path file;
    private final List<Layer> layers;
    private final List<InputType> outputs;

    private Layers(Path file, List<Layer> layers, List<InputType> outputs) {
        this.file = file;
        this.layers = layers;
        this.outputs = outputs;
    }

    static Layers of(MultiLayerNetwork network, FeatureShape input, Path file) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            layers.add(conf.getConf(i).getLayer());
        }
        InputType type = input.isImage() && conf.getInputPreProcess(0) != null
                ? InputType.convolutionalFlat(input.height(), input.width(), input.channels()) : InputType.feedForward(input.size());
        try {
            return new Layers(file, layers, conf.getLayerActivationTypes(type));
        } catch (RuntimeException e) {
            throw new ModelFileException("input-shape", file + " does not take inputs of " + ModelFile.describe(input) + " ("
                    + e.getMessage() + ")", e);
        }
    }

    int count() {
        return layers.size();
    }

    /**
     * The number of classes of a softmax layer at the top (an output layer, or a dense layer with softmax
     * activation, as a Keras model saved without its training configuration imports); 0 when there is none.
     */
    int softmaxOutputs() {
        Layer last = layers.get(layers.size() - 1);
        return last instanceof FeedForwardLayer top && top.getActivationFn() instanceof ActivationSoftmax ? (int) top.getNOut() : 0;
    }

    /** The width of a layer's output when it is a flat vector; -1 otherwise. */
    int flatWidth(int layer) {
        return outputs.get(layer) instanceof InputType.InputTypeFeedForward flat ? (int) flat.getSize() : -1;
    }

    /** The layer {@code cutAt} names (an index or a layer name; empty for the default), checked to be cuttable. */
    int cut(String cutAt) {
        int top = softmaxOutputs() > 0 ? layers.size() - 2 : layers.size() - 1;
        if (top < 0) {
            throw new ModelFileException("cut-at", file + " has a softmax output layer and nothing below it to transfer");
        }
        int layer;
        if (cutAt.isBlank()) {
            layer = top;
        } else if (cutAt.strip().matches("\\d+")) {
            layer = Integer.parseInt(cutAt.strip());
            if (layer >= layers.size()) {
                throw new ModelFileException("cut-at", file + " has no layer " + layer + "; its layers: " + all());
            }
        } else {
            layer = IntStream.range(0, layers.size()).filter(i -> cutAt.strip().equals(name(i))).findFirst()
                    .orElseThrow(() -> new ModelFileException("cut-at", file + " has no layer named '" + cutAt.strip()
                            + "'; its layers: " + all()));
        }
        if (layer > top) {
            throw new ModelFileException("cut-at", "layer " + describe(layer) + " of " + file + " is its softmax output "
                    + "layer; cut at a layer below it, whose activations a new head can take: " + cuttable(top));
        }
        if (flatWidth(layer) < 1 || !(layers.get(layer) instanceof FeedForwardLayer)) {
            throw new ModelFileException("cut-at", (cutAt.isBlank() ? "by default the model is cut below its output, at "
                    : "") + "layer " + describe(layer) + " of " + file + ", which does not output a flat vector of features; "
                    + "give cut-at: a layer that does (a dense layer): " + cuttable(top));
        }
        return layer;
    }

    /** {@code 2 'dense' (DenseLayer, 16 values)}. */
    String describe(int layer) {
        return layer + " '" + name(layer) + "' (" + layers.get(layer).getClass().getSimpleName() + ", " + output(layer) + ")";
    }

    /** {@code DenseLayer 'dense'}, for messages about one layer. */
    static String kind(Layer layer) {
        return layer.getClass().getSimpleName() + (layer.getLayerName() == null ? "" : " '" + layer.getLayerName() + "'");
    }

    private String name(int layer) {
        String name = layers.get(layer).getLayerName();
        return name == null ? Integer.toString(layer) : name;
    }

    private String output(int layer) {
        InputType type = outputs.get(layer);
        if (type instanceof InputType.InputTypeFeedForward flat) {
            return flat.getSize() + " values";
        }
        if (type instanceof InputType.InputTypeConvolutional image) {
            return image.getChannels() + "x" + image.getHeight() + "x" + image.getWidth() + " activations";
        }
        return String.valueOf(type);
    }

    private String all() {
        return IntStream.range(0, layers.size()).mapToObj(this::describe).collect(Collectors.joining(", "));
    }

    private String cuttable(int top) {
        List<String> candidates = IntStream.rangeClosed(0, top)
                .filter(i -> flatWidth(i) > 0 && layers.get(i) instanceof FeedForwardLayer).mapToObj(this::describe).toList();
        return candidates.isEmpty() ? "it has none" : String.join(", ", candidates);
    }
}
