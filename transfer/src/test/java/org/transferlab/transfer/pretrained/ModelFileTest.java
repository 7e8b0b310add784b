package org.transferlab.transfer.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;

class ModelFileTest {
    private static final ModelFile.Request DEFAULTS = new ModelFile.Request("", List.of(), List.of(), "");
    private static final NetworkSpec STUDY = new NetworkSpec(NetworkSpec.Type.MLP, List.of(4), List.of(20, 50), 1, 32, 0.001, 1);

    @TempDir
    Path dir;

    @Test
    void aMultiLayerNetworkIsCutBelowItsSoftmaxOutputAndReadsItsInputShapeFromItsFirstLayer() throws Exception {
        ModelFile model = ModelFile.read(ModelFixtures.multiLayerNetwork(dir.resolve("mlp.zip")), DEFAULTS);
        assertEquals(ModelFile.Format.MULTI_LAYER_NETWORK, model.format());
        assertEquals(FeatureShape.flat(4), model.inputShape());
        assertEquals(1, model.cutAt(), "layers 0 and 1 are dense, 2 is the softmax output");
        assertEquals(List.of("output-0", "output-1", "output-2"), model.classNames());
        SourceModel source = model.sourceModel(STUDY);
        assertTrue(source.fromFile());
        assertEquals(1, source.lastHiddenLayer());
        assertEquals(6, source.embed(ModelFixtures.synthetic(3, 4).train(), 1).width(), "the 6 units of the cut layer");
        assertEquals(model.sha256(), model.provenance().get("sha256"));
        assertEquals("1 'layer1' (DenseLayer, 6 values)", model.provenance().get("cut-at"));
    }

    @Test
    void cutAtTakesAnIndexOrALayerNameAndClassesNameTheOutputs() throws Exception {
        Path file = ModelFixtures.multiLayerNetwork(dir.resolve("mlp.zip"));
        ModelFile model = ModelFile.read(file, new ModelFile.Request("0", List.of(4), List.of("a", "b", "c"), ""));
        assertEquals(0, model.cutAt());
        assertEquals(List.of("a", "b", "c"), model.classNames());
        assertEquals(8, model.sourceModel(STUDY).embed(ModelFixtures.synthetic(3, 4).train(), 0).width());
        ModelFileException output = assertThrows(ModelFileException.class,
                () -> ModelFile.read(file, new ModelFile.Request("2", List.of(), List.of(), "")));
        assertEquals("cut-at", output.key());
        assertEquals("layer 2 'layer2' (OutputLayer, 3 values) of " + file + " is its softmax output layer; cut at a layer "
                + "below it, whose activations a new head can take: 0 'layer0' (DenseLayer, 8 values), 1 'layer1' (DenseLayer, "
                + "6 values)",
                output.getMessage());
    }

    @Test
    void aChainShapedComputationGraphBecomesTheSameNetwork() throws Exception {
        Path file = ModelFixtures.computationGraph(dir.resolve("graph.zip"));
        ModelFile model = ModelFile.read(file, new ModelFile.Request("hidden", List.of(), List.of(), ""));
        assertEquals(ModelFile.Format.COMPUTATION_GRAPH, model.format());
        assertEquals(0, model.cutAt());
        Domain data = ModelFixtures.synthetic(3, 4);
        INDArray features = Batches.features(data.train());
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        assertArrayEquals(values(graph.outputSingle(features)), values(model.sourceModel(STUDY).copy().output(features)), 1e-6f);
    }

    @Test
    void aGraphWithBranchesIsRefusedNamingTheVertexThatMakesIt() throws Exception {
        Path file = ModelFixtures.branchingGraph(dir.resolve("branches.zip"));
        ModelFileException refused = assertThrows(ModelFileException.class, () -> ModelFile.read(file, DEFAULTS));
        assertEquals(file + " holds a ComputationGraph that is not a plain chain of layers, which TransferLab cannot cut "
                + "(only a MultiLayerNetwork, or a graph equivalent to one, can be a source): 'in' feeds both 'left' and 'right'", refused.getMessage());
    }

    @Test
    void aCnnBuiltForImageInputNeedsItsInputShapeFromTheConfig() throws Exception {
        Path file = ModelFixtures.imageInputCnn(dir.resolve("cnn.zip"));
        ModelFileException unknown = assertThrows(ModelFileException.class, () -> ModelFile.read(file, DEFAULTS));
        assertEquals("input-shape", unknown.key());
        assertEquals(file + ": its first layer, ConvolutionLayer 'layer0', takes images whose size the file does not record; give "
                + "input-shape: [channels, height, width]", unknown.getMessage());
        ModelFile model = ModelFile.read(file, new ModelFile.Request("", List.of(1, 8, 8), List.of(), ""));
        assertEquals(FeatureShape.image(1, 8, 8), model.inputShape());
        assertEquals(2, model.cutAt(), "the dense layer below the output");
        Examples images = Examples.classified(new float[3 * 64], 64, new int[3]);
        assertEquals(6, model.sourceModel(STUDY).embed(images, 2).width());
        ModelFileException conv = assertThrows(ModelFileException.class,
                () -> ModelFile.read(file, new ModelFile.Request("0", List.of(1, 8, 8), List.of(), "")));
        assertEquals("layer 0 'layer0' (ConvolutionLayer, 4x6x6 activations) of " + file + ", which does not output a flat "
                + "vector of features; give cut-at: a layer that does (a dense layer): 2 'features' (DenseLayer, 6 values)",
                conv.getMessage());
    }

    @Test
    void aKerasSequentialModelSavedAsHdf5IsImportedWithItsWeights() {
        Path file = KerasFixture.sequentialMlp(dir.resolve("net.h5"));
        ModelFile model = ModelFile.read(file, DEFAULTS);
        assertEquals(ModelFile.Format.KERAS_HDF5, model.format());
        assertEquals(FeatureShape.flat(4), model.inputShape());
        assertEquals(0, model.cutAt(), "dense_1, below the softmax layer");
        assertEquals(List.of("output-0", "output-1", "output-2"), model.classNames());
        assertEquals("0 'dense_1' (DenseLayer, 8 values)", model.provenance().get("cut-at"));
        float[] x = {1, -1, 0.5f, 2};
        double[] hidden = affine(x, KerasFixture.kernel(0), KerasFixture.bias(0), 8);
        for (int j = 0; j < hidden.length; j++) {
            hidden[j] = Math.max(0, hidden[j]);
        }
        float[] h = new float[hidden.length];
        for (int j = 0; j < h.length; j++) {
            h[j] = (float) hidden[j];
        }
        double[] logits = affine(h, KerasFixture.kernel(1), KerasFixture.bias(1), 3);
        double sum = java.util.Arrays.stream(logits).map(Math::exp).sum();
        float[] expected = new float[3];
        for (int c = 0; c < 3; c++) {
            expected[c] = (float) (Math.exp(logits[c]) / sum);
        }
        SourceModel source = model.sourceModel(STUDY);
        assertArrayEquals(expected, values(source.copy().output(org.nd4j.linalg.factory.Nd4j.create(x, new long[] {1, 4}, 'c'))),
                1e-5f);
        assertArrayEquals(h, source.embed(Examples.classified(x, 4, new int[1]), 0).values(), 1e-5f);
    }

    /** x (1 x n) times a row-major n x units kernel, plus the bias. */
    private static double[] affine(float[] x, float[] kernel, float[] bias, int units) {
        double[] out = new double[units];
        for (int j = 0; j < units; j++) {
            out[j] = bias[j];
            for (int i = 0; i < x.length; i++) {
                out[j] += x[i] * kernel[i * units + j];
            }
        }
        return out;
    }

    @Test
    void oneChangedByteIsAnotherShaOfTheSameNetwork() throws Exception {
        Path file = ModelFixtures.multiLayerNetwork(dir.resolve("mlp.zip"));
        ModelFile before = ModelFile.read(file, DEFAULTS);
        ModelFixtures.touchOneByte(file);
        ModelFile after = ModelFile.read(file, DEFAULTS);
        assertNotEquals(before.sha256(), after.sha256());
        INDArray features = Batches.features(ModelFixtures.synthetic(3, 4).train());
        assertArrayEquals(values(before.sourceModel(STUDY).copy().output(features)),
                values(after.sourceModel(STUDY).copy().output(features)));
    }

    private static float[] values(INDArray array) {
        return array.dup('c').data().asFloat();
    }
}
