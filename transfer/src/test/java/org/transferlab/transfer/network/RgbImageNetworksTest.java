package org.transferlab.transfer.network;

import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.imagefolder.ImageFixtures;
import org.transferlab.core.loader.imagefolder.ImageFolderLoader;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.TrainingLog;

/** The networks on RGB images: built from the domain's shape with three channels, read channel-major, and transferred. */
class RgbImageNetworksTest {
    private static final NetworkSpec CNN = new NetworkSpec(NetworkSpec.Type.CNN, List.of(8), List.of(4), 1, 8, 0.01, 1);
    private static final NetworkSpec MLP = new NetworkSpec(NetworkSpec.Type.MLP, List.of(8), List.of(), 1, 8, 0.01, 1);

    @Test
    void theCnnReadsTheLoadersChannelMajorPixelsAsChannelsRowsAndColumns() {
        FeatureShape shape = FeatureShape.image(3, 6, 7);
        MultiLayerNetwork network = NetworkFactory.classifier(CNN, shape, 2, 0.01, 1);
        float[] pixels = new float[shape.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        InputPreProcessor reshape = network.getLayerWiseConfigurations().getInputPreProcess(0);
        INDArray image = reshape.preProcess(Nd4j.create(pixels, new long[] {1, pixels.length}, 'c'), 1,
                LayerWorkspaceMgr.noWorkspaces());
        assertArrayEquals(new long[] {1, 3, 6, 7}, image.shape());
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 7; x++) {
                    assertEquals(c * 42 + y * 7 + x, image.getFloat(0, c, y, x), 0, "channel " + c + ", row " + y + ", column " + x);
                }
            }
        }
        assertEquals(3L, network.getLayer(0).getParam("W").size(1), "the first convolution reads three channels");
        assertEquals(2, network.output(Nd4j.create(pixels, new long[] {1, pixels.length}, 'c')).size(1));
    }

    @Test
    void theMlpReadsEveryValueOfEveryChannel() {
        MultiLayerNetwork network = NetworkFactory.classifier(MLP, FeatureShape.image(3, 6, 7), 2, 0.01, 1);
        assertEquals(3L * 6 * 7, network.getLayer(0).getParam("W").size(0));
    }

    @Test
    void aCnnForImagesTooSmallForItsBlocksIsRefusedNamingTheSizes() {
        NetworkSpec twoBlocks = new NetworkSpec(NetworkSpec.Type.CNN, List.of(8), List.of(4, 8), 1, 8, 0.01, 1);
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> NetworkFactory.classifier(twoBlocks, FeatureShape.image(3, 12, 16), 2, 0.01, 1));
        assertEquals("network type cnn with conv-filters [4, 8] needs images of at least 16x16 pixels (each block is a 5x5 "
                + "convolution, then 2x2 max pooling), but the domain's are 16x12; give fewer conv-filters or larger images",
                e.getMessage());
        NetworkFactory.classifier(twoBlocks, FeatureShape.image(3, 16, 16), 2, 0.01, 1);
        NetworkFactory.classifier(CNN, FeatureShape.image(1, 6, 6), 2, 0.01, 1);
        assertThrows(TransferLabException.class, () -> NetworkFactory.classifier(CNN, FeatureShape.image(1, 5, 6), 2, 0.01, 1));
    }

    @Test
    void featureExtractionAndFineTuningTransferBetweenRgbImageFolderDomains(@TempDir Path data) {
        ImageFixtures.folder(data.resolve("shapes"), List.of("a", "b", "c", "d"), 12, 12, "png");
        ImageFolderLoader loader = new ImageFolderLoader();
        Domain source = loader.load("s", parameters(List.of("a", "b")), LoadContext.of(data));
        Domain target = loader.load("t", parameters(List.of("c", "d")), LoadContext.of(data));
        assertEquals(FeatureShape.image(3, 12, 12), source.shape());
        for (NetworkSpec spec : List.of(CNN, MLP)) {
            SourceModel model = SourceTrainer.train(source, spec, 1, TrainingLog.NONE);
            TransferContext context = new TransferContext(target.name(), target.task(), target.classNames(), target.shape(),
                    new BudgetSampler(0.2).draw(target, LabelBudget.perClass(4), 1), spec, () -> model, 3, TrainingLog.NONE);
            float[] sourceFirstLayer = model.copy().getLayer(0).params().toFloatVector();
            Fitted extracted = new FeatureExtraction().fit(new FeatureExtraction.Parameters(0.01, 2, 2, 4), context);
            assertArrayEquals(sourceFirstLayer, FittedNetworks.predictor(extracted).network().getLayer(0).params()
                    .toFloatVector(), spec.type() + ": the frozen layers keep the source's weights");
            Fitted tuned = new FineTuning().fit(new FineTuning.Parameters(0.01, 2, 2, 4, 0), context);
            assertFalse(java.util.Arrays.equals(sourceFirstLayer, FittedNetworks.predictor(tuned).network().getLayer(0)
                    .params().toFloatVector()), spec.type() + ": fine-tuning trains the first layer");
            for (Fitted fitted : List.of(extracted, tuned)) {
                int[] predicted = fitted.predictClasses(target.test().open());
                assertEquals(target.test().size(), predicted.length);
                for (int label : predicted) {
                    assertEquals(true, label == 0 || label == 1, "a label of the target's two classes");
                }
            }
        }
    }

    private static ImageFolderLoader.Parameters parameters(List<String> classes) {
        return new ImageFolderLoader.Parameters("shapes", classes, 3, 12, 12, ImageFolderLoader.MismatchedSizes.ERROR, 0.3, 0,
                TaskType.CLASSIFICATION);
    }
}
