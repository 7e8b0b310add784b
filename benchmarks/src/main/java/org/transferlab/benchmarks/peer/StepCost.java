package org.transferlab.benchmarks.peer;

import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.transfer.engine.ElementwiseAdam;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.NetworkSpec;

/**
 * Where a DL4J training step's time goes, in microseconds per call, each measured after a warm-up long enough
 * for the JIT: one Adam update of the default MLP's 234,501 parameters by ND4J's native op and by
 * {@link ElementwiseAdam}; one {@code fit} of the MLP at batch 32 and 64, and of a new head alone (128 inputs,
 * 5 classes); the head's {@code output}; the MLP's first matrix product through {@code Nd4j.gemm} and
 * {@code INDArray.mmul}; and one element-wise op on a 32 x 5 array (the fixed cost of any ND4J op).
 * Run by {@code benchmarks/peer/step_cost.sh}; no arguments.
 */
public final class StepCost {
    private static final int PARAMS = 234_501;

    private StepCost() {
    }

    public static void main(String[] args) {
        Nd4j.getRandom().setSeed(1);
        INDArray gradient = Nd4j.rand(DataType.FLOAT, 1, PARAMS);
        INDArray m = Nd4j.zeros(DataType.FLOAT, 1, PARAMS);
        INDArray v = Nd4j.zeros(DataType.FLOAT, 1, PARAMS);
        int[] iteration = {0};
        time("Adam update, native adam_updater op", 2000,
                () -> Nd4j.exec(new AdamUpdater(gradient, v, m, 1e-3, 0.9, 0.999, 1e-8, iteration[0]++)));
        GradientUpdater<?> elementwise = new ElementwiseAdam(1e-3).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2 * PARAMS), true);
        time("Adam update, ElementwiseAdam", 2000, () -> elementwise.applyUpdater(gradient, iteration[0]++, 0));

        NetworkSpec spec = new NetworkSpec(NetworkSpec.Type.MLP, List.of(256, 128), List.of(), 3, 64, 1e-3, 1);
        MultiLayerNetwork mlp = NetworkFactory.classifier(spec, FeatureShape.flat(784), 5, 1e-3, 1);
        for (int batch : new int[] {32, 64}) {
            DataSet data = batch(batch, 784);
            time("fit, MLP 784-256-128-5, batch " + batch, 2000, () -> mlp.fit(data));
        }
        MultiLayerNetwork head = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .updater(NetworkFactory.adam(0.01)).list().layer(NetworkFactory.outputLayer(128, 5)).build());
        head.init();
        DataSet embedded = batch(32, 128);
        time("fit, head alone 128-5, batch 32", 10_000, () -> head.fit(embedded));
        time("output, head alone 128-5, batch 32", 10_000, () -> head.output(embedded.getFeatures(), false));

        INDArray x = batch(32, 784).getFeatures();
        INDArray w = Nd4j.rand(DataType.FLOAT, 784, 256);
        INDArray into = Nd4j.create(DataType.FLOAT, new long[] {32, 256}, 'f');
        time("Nd4j.gemm 32x784 by 784x256 into f-order", 5000, () -> Nd4j.gemm(x, w, into, false, false, 1.0, 0.0));
        time("INDArray.mmul 32x784 by 784x256", 5000, () -> x.mmul(w));
        INDArray small = Nd4j.rand(DataType.FLOAT, 32, 5);
        time("addi on 32x5 (any op's fixed cost)", 50_000, () -> small.addi(1e-9));
    }

    private static DataSet batch(int rows, int columns) {
        INDArray features = Nd4j.rand(DataType.FLOAT, rows, columns);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, rows, 5);
        for (int row = 0; row < rows; row++) {
            labels.putScalar(row, row % 5, 1f);
        }
        return new DataSet(features, labels);
    }

    private static void time(String what, int calls, Runnable call) {
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        System.out.printf(Locale.ROOT, "| %s | %.1f |%n", what, (System.nanoTime() - start) / 1e3 / calls);
    }
}
