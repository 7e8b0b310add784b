package org.transferlab.transfer.pretrained;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceTrainer;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * Small pretrained networks written as DL4J model zips, the way a researcher brings one: trained here on
 * the {@code synthetic} loader's data (3 classes, 4 features unless said otherwise), in a fraction of a second.
 */
public final class ModelFixtures {
    /** The synthetic domain the fixtures are trained on; targets of the tests use other sample seeds and a shift. */
    public static Domain synthetic(int classes, int features) {
        return new SyntheticLoader().load("model-maker", new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, classes,
                features, 120, 30, 3, 1, 0, 1, 2, 11), LoadContext.of(Path.of(".")));
    }

    private ModelFixtures() {
    }

    /** An MLP 4-8-6-3 (dense, dense, softmax output) trained for 3 epochs and written to {@code file}. */
    public static Path multiLayerNetwork(Path file) throws IOException {
        Domain data = synthetic(3, 4);
        MultiLayerNetwork network = SourceTrainer.train(data, new NetworkSpec(NetworkSpec.Type.MLP, List.of(8, 6),
                List.of(20, 50), 3, 16, 0.01, 1), 5, TrainingLog.NONE).copy();
        ModelSerializer.writeModel(network, file.toFile(), false);
        return file;
    }

    /** The same kind of MLP as a chain-shaped ComputationGraph: input, dense 'hidden' (8), softmax 'out' (3). */
    public static Path computationGraph(Path file) throws IOException {
        ComputationGraph graph = new ComputationGraph(graphBuilder()
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build(), "in")
                .addLayer("out", output(8, 3), "hidden")
                .setOutputs("out").build());
        graph.init();
        Domain data = synthetic(3, 4);
        for (int epoch = 0; epoch < 5; epoch++) {
            graph.fit(Batches.dataSet(data.train(), 3));
        }
        ModelSerializer.writeModel(graph, file.toFile(), false);
        return file;
    }

    /** A graph with two branches merged: no chain of layers, so not a source TransferLab can cut. */
    public static Path branchingGraph(Path file) throws IOException {
        ComputationGraph graph = new ComputationGraph(graphBuilder()
                .addLayer("left", new DenseLayer.Builder().nIn(4).nOut(4).activation(Activation.RELU).build(), "in")
                .addLayer("right", new DenseLayer.Builder().nIn(4).nOut(4).activation(Activation.RELU).build(), "in")
                .addVertex("merge", new MergeVertex(), "left", "right")
                .addLayer("out", output(8, 3), "merge")
                .setOutputs("out").build());
        graph.init();
        ModelSerializer.writeModel(graph, file.toFile(), false);
        return file;
    }

    /**
     * An untrained CNN for 1x8x8 images built for image input (no flat-input preprocessor), so the file does not
     * record the image size: conv 3x3 (4 filters), 2x2 max pool, dense 'features' (6), softmax (2).
     */
    public static Path imageInputCnn(Path file) throws IOException {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new Adam(0.01)).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("features").nOut(6).activation(Activation.RELU).build())
                .layer(output(6, 2))
                .setInputType(InputType.convolutional(8, 8, 1)).build());
        network.init();
        ModelSerializer.writeModel(network, file.toFile(), false);
        return file;
    }

    /** {@code file}'s bytes with one byte changed in its first zip entry's modification time: same model, other bytes. */
    public static void touchOneByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[10] ^= 0x01;
        Files.write(file, bytes);
    }

    private static ComputationGraphConfiguration.GraphBuilder graphBuilder() {
        return new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT).updater(new Adam(0.01))
                .weightInit(WeightInit.XAVIER).graphBuilder().addInputs("in");
    }

    private static OutputLayer output(int inputs, int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(inputs).nOut(classes)
                .activation(Activation.SOFTMAX).build();
    }
}
