package org.transferlab.transfer.adaptation;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.ClassProbabilities;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.SourceModel;

/**
 * The network of joint training: a feature extractor (a copy of the source network up to its last hidden layer,
 * every layer trainable) and a new linear classifier over the label space on its features, each trained by
 * external gradients ({@link ExternalErrorNetwork}). Inputs are scaled by the source model's scaling. It predicts
 * the most probable of the first {@code targetClasses} classes, the target's.
 */
final class AdaptationModel implements ClassProbabilities {
    private static final int BATCH = 1024;
    final ExternalErrorNetwork features;
    final ExternalErrorNetwork classifier;
    final InputScaling scaling;
    private final int classes;
    private final int width;
    private final int targetClasses;

    AdaptationModel(ExternalErrorNetwork features, ExternalErrorNetwork classifier, InputScaling scaling, int width,
                            int classes, int targetClasses) {
        this.features = features;
        this.classifier = classifier;
        this.scaling = scaling;
        this.width = width;
        this.classes = classes;
        this.targetClasses = targetClasses;
    }

    /**
     * The source network's layers to its last hidden one, and a linear classifier over {@code labels} (the target's
     * {@code targetClasses} classes first) from {@code seed}, whose outputs for classes the source network was trained
     * on start as the source's own output layer: joint training then starts from the source model's predictions rather
     * than from a random head.
     */
    static AdaptationModel on(SourceModel source, java.util.List<String> labels, int targetClasses, double learningRate,
                              long seed) {
        return build(source, labels, targetClasses, learningRate, seed, false);
    }

    /**
     * As {@link #on}, for a method that keeps the source's classifier ({@code shot}): every class of {@code labels}
     * must be one of the source network's outputs; not applicable when the source network has no softmax output layer
     * just above its last hidden layer with the class names of its outputs (a model file cut lower).
     */
    static AdaptationModel onSourceHead(SourceModel source, java.util.List<String> labels, int targetClasses,
                                        double learningRate, long seed) {
        if (!source.classNames().containsAll(labels)) {
            throw new IllegalArgumentException("the source network has no outputs for some of " + labels);
        }
        return build(source, labels, targetClasses, learningRate, seed, true);
    }

    private static AdaptationModel build(SourceModel source, java.util.List<String> labels, int targetClasses,
                                         double learningRate, long seed, boolean needsSourceHead) {
        int classes = labels.size();
        MultiLayerNetwork copy = source.copy();
        int lastHidden = source.lastHiddenLayer();
        int width = (int) ((FeedForwardLayer) copy.getLayer(lastHidden).conf().getLayer()).getNOut();
        MultiLayerNetwork extractor = new TransferLearning.Builder(copy)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(NetworkFactory.adam(learningRate)).seed(seed).build())
                .removeLayersFromOutput(copy.getnLayers() - 1 - lastHidden)
                .build();
        MultiLayerNetwork classifier = linear(width, classes, learningRate, seed);
        if (!startFromSourceHead(copy, lastHidden, source.classNames(), labels, classifier) && needsSourceHead) {
            throw new org.transferlab.transfer.NotApplicableException("it keeps the source network's classifier, and this "
                    + "source network has no softmax output layer with named classes just above the layer it is cut at");
        }
        return new AdaptationModel(new ExternalErrorNetwork(extractor), new ExternalErrorNetwork(classifier),
                source.inputScaling(), width, classes, targetClasses);
    }

    /**
     * Copies the source's output weights of each class in {@code labels} into {@code classifier}, when the layer just
     * above the cut is the source network's softmax output over {@code sourceClasses} (a network TransferLab trained;
     * a model file cut lower, or without class names, keeps the random head); returns whether it did.
     */
    private static boolean startFromSourceHead(MultiLayerNetwork source, int lastHidden, java.util.List<String> sourceClasses,
                                               java.util.List<String> labels, MultiLayerNetwork classifier) {
        int output = source.getnLayers() - 1;
        if (output != lastHidden + 1 || !(source.getLayer(output).conf().getLayer() instanceof BaseOutputLayer head)
                || head.getNOut() != sourceClasses.size() || head.getNIn() != classifier.getLayer(0).getParam("W").size(0)) {
            return false;
        }
        INDArray sourceWeights = source.getLayer(output).getParam("W");
        INDArray sourceBias = source.getLayer(output).getParam("b");
        INDArray weights = classifier.getLayer(0).getParam("W");
        INDArray bias = classifier.getLayer(0).getParam("b");
        for (int u = 0; u < labels.size(); u++) {
            int s = sourceClasses.indexOf(labels.get(u));
            if (s >= 0) {
                weights.getColumn(u).assign(sourceWeights.getColumn(s));
                bias.putScalar(u, sourceBias.getDouble(s));
            }
        }
        return true;
    }

    /**
     * The source network's own output layer as a linear layer (logits over the source's classes, in its order) on
     * the features, trained by Adam at {@code learningRate}; empty when the layer above the cut is not the source's
     * softmax output over its named classes.
     */
    static java.util.Optional<ExternalErrorNetwork> sourceHead(SourceModel source, double learningRate, long seed) {
        MultiLayerNetwork copy = source.copy();
        int lastHidden = source.lastHiddenLayer();
        int width = (int) ((FeedForwardLayer) copy.getLayer(lastHidden).conf().getLayer()).getNOut();
        MultiLayerNetwork head = linear(width, source.classNames().size(), learningRate, seed);
        return startFromSourceHead(copy, lastHidden, source.classNames(), source.classNames(), head)
                ? java.util.Optional.of(new ExternalErrorNetwork(head)) : java.util.Optional.empty();
    }

    /** A linear layer {@code inputs} → {@code outputs} (logits), Xavier-initialised from {@code seed}, trained by Adam. */
    static MultiLayerNetwork linear(int inputs, int outputs, double learningRate, long seed) {
        return dense(inputs, 0, outputs, learningRate, seed);
    }

    /** A ReLU layer of {@code hidden} units (none for 0), then a linear layer to {@code outputs}, from {@code seed}. */
    static MultiLayerNetwork dense(int inputs, int hidden, int outputs, double learningRate, long seed) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(NetworkFactory.adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list();
        int in = inputs;
        if (hidden > 0) {
            layers.layer(new DenseLayer.Builder().nIn(in).nOut(hidden).activation(Activation.RELU).build());
            in = hidden;
        }
        layers.layer(new DenseLayer.Builder().nIn(in).nOut(outputs).activation(Activation.IDENTITY).build());
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }

    /** The number of features the extractor outputs. */
    int featureWidth() {
        return width;
    }

    /** The size of the label space the classifier scores. */
    int classCount() {
        return classes;
    }

    /** The logits of already scaled examples, in inference mode. */
    double[][] logits(Examples scaled) {
        return outputs(scaled).logits();
    }

    /** The features and logits of already scaled examples, one row each. */
    record Outputs(double[][] features, double[][] logits) {
    }

    /** The features and logits of already scaled examples, in inference mode. */
    Outputs outputs(Examples scaled) {
        double[][] allFeatures = new double[scaled.size()][];
        double[][] allLogits = new double[scaled.size()][];
        for (int start = 0; start < scaled.size(); start += BATCH) {
            int[] rows = java.util.stream.IntStream.range(start, Math.min(scaled.size(), start + BATCH)).toArray();
            INDArray extracted = features.output(Batches.features(scaled.subset(rows)));
            double[][] batch = ExternalErrorNetwork.rows(classifier.output(extracted));
            System.arraycopy(batch, 0, allLogits, start, batch.length);
            System.arraycopy(ExternalErrorNetwork.rows(extracted), 0, allFeatures, start, batch.length);
        }
        return new Outputs(allFeatures, allLogits);
    }

    /** The arg-max among the first {@code classes} logits of each row. */
    static int[] argMax(double[][] logits, int classes) {
        int[] predicted = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            int best = 0;
            for (int j = 1; j < classes; j++) {
                if (logits[i][j] > logits[i][best]) {
                    best = j;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }

    @Override
    public int[] predictClasses(Examples examples) {
        return argMax(logits(scaling.apply(examples)), targetClasses);
    }

    @Override
    public double[][] probabilities(Examples examples) {
        return ClassProbabilities.softmax(logits(scaling.apply(examples)), targetClasses);
    }

    /** The weights of both parts, to restore the best epoch's. */
    INDArray[] snapshot() {
        return new INDArray[] {features.params().dup(), classifier.params().dup()};
    }

    void restore(INDArray[] snapshot) {
        features.setParams(snapshot[0]);
        classifier.setParams(snapshot[1]);
    }
}
