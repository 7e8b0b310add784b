package org.transferlab.transfer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.transferlab.core.data.FeatureShape;

class ElementwiseAdamTest {
    private static final int PARAMS = 5_000;

    @Test
    void updatesAreBitIdenticalToTheNativeAdamOp() {
        Nd4j.getRandom().setSeed(11);
        INDArray view = Nd4j.zeros(DataType.FLOAT, 1, 2 * PARAMS);
        GradientUpdater<?> ours = new ElementwiseAdam(1e-3).instantiate(view, true);
        INDArray m = Nd4j.zeros(DataType.FLOAT, 1, PARAMS);
        INDArray v = Nd4j.zeros(DataType.FLOAT, 1, PARAMS);
        // Iteration 3,605 is where Java's double pow, rounded to float, first differs from ND4J's float pow for 0.999.
        for (int iteration : new int[] {0, 1, 2, 3, 17, 500, 3605, 3606, 20_000}) {
            INDArray gradient = Nd4j.rand(DataType.FLOAT, 1, PARAMS).subi(0.5).muli(0.1);
            INDArray native_ = gradient.dup();
            INDArray elementwise = gradient.dup();
            Nd4j.exec(new AdamUpdater(native_, v, m, 1e-3, 0.9, 0.999, 1e-8, iteration));
            ours.applyUpdater(elementwise, iteration, 0);
            assertArrayEquals(native_.toFloatVector(), elementwise.toFloatVector(), 0f, "update at iteration " + iteration);
            assertArrayEquals(m.toFloatVector(), view.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(0, PARAMS)).toFloatVector(), 0f, "first moment at " + iteration);
            assertArrayEquals(v.toFloatVector(), view.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(PARAMS, 2 * PARAMS)).toFloatVector(), 0f, "second moment at " + iteration);
        }
    }

    @Test
    void aNetworkTrainsToTheSameWeightsAsWithDl4jsAdam() {
        NetworkSpec spec = new NetworkSpec(NetworkSpec.Type.MLP, List.of(16, 8), List.of(), 1, 32, 0.01, 1);
        MultiLayerNetwork ours = NetworkFactory.classifier(spec, FeatureShape.flat(10), 3, 0.01, 5);
        MultiLayerConfiguration withDl4jAdam = ours.getLayerWiseConfigurations().clone();
        withDl4jAdam.getConfs().forEach(conf -> ((BaseLayer) conf.getLayer()).setIUpdater(new Adam(0.01)));
        MultiLayerNetwork theirs = new MultiLayerNetwork(withDl4jAdam);
        theirs.init(ours.params().dup(), true);
        Nd4j.getRandom().setSeed(3);
        for (int step = 0; step < 60; step++) {
            INDArray features = Nd4j.rand(DataType.FLOAT, 32, 10);
            INDArray labels = Nd4j.zeros(DataType.FLOAT, 32, 3);
            for (int row = 0; row < 32; row++) {
                labels.putScalar(row, (row + step) % 3, 1f);
            }
            ours.fit(new DataSet(features, labels));
            theirs.fit(new DataSet(features, labels));
        }
        assertInstanceOf(Adam.class, ((BaseLayer) theirs.getLayerWiseConfigurations().getConf(0).getLayer()).getIUpdater());
        assertArrayEquals(theirs.params().toFloatVector(), ours.params().toFloatVector(), 0f);
    }

    @Test
    void survivesTheNetworksJsonAndCloning() {
        NetworkSpec spec = new NetworkSpec(NetworkSpec.Type.MLP, List.of(4), List.of(), 1, 32, 0.003, 1);
        MultiLayerNetwork network = NetworkFactory.classifier(spec, FeatureShape.flat(3), 2, 0.003, 1);
        MultiLayerConfiguration reread = MultiLayerConfiguration.fromJson(network.getLayerWiseConfigurations().toJson());
        for (MultiLayerConfiguration configuration : List.of(reread, reread.clone())) {
            Object updater = ((BaseLayer) configuration.getConf(0).getLayer()).getIUpdater();
            ElementwiseAdam adam = assertInstanceOf(ElementwiseAdam.class, updater);
            assertEquals(0.003, adam.getLearningRate(), 0);
            assertEquals(new Adam(0.003).getBeta2(), adam.getBeta2(), 0);
        }
    }
}
