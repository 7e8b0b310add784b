package org.transferlab.benchmarks.peer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.nd4j.weightinit.impl.ZeroInitScheme;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.transfer.engine.Batches;

/**
 * The same networks as {@link Dl4jEpoch}, driven through SameDiff (a graph of native ops) instead of
 * DL4J's layer API, to measure whether that way of driving ND4J is faster on this build of nd4j-native.
 * Same data, minibatches, Adam and Xavier initialisation; the parameter count is printed to show the
 * networks match. Arguments as for {@link Dl4jEpoch}.
 */
public final class SameDiffEpoch {
    private SameDiffEpoch() {
    }

    public static void main(String[] args) {
        String type = args[0];
        int batchSize = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int epochs = Integer.parseInt(args[3]);
        Path dataDir = Path.of(args.length > 4 ? args[4] : "data");
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        Domain domain = new FashionMnistLoader().load("fmnist-0-4", new FashionMnistLoader.Parameters(
                List.of(0, 1, 2, 3, 4), 0, false, 0, 0, 0, 0, TaskType.CLASSIFICATION), LoadContext.of(dataDir));
        int classes = domain.classCount();
        Nd4j.getRandom().setSeed(1);
        SameDiff sd = "cnn".equals(type) ? cnn(classes) : mlp(classes);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(1e-3))
                .dataSetFeatureMapping("input").dataSetLabelMapping("label").build());
        SplittableRandom order = new SplittableRandom(1);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            for (DataSet batch : Batches.shuffled(domain.train(), classes, batchSize, order)) {
                sd.fit(batch);
            }
            System.out.printf(Locale.ROOT, "dl4j-samediff %s epoch %d seconds %.3f%n", type, epoch, (System.nanoTime() - start) / 1e9);
        }
        Examples test = domain.test().open();
        INDArray logits = sd.output(Map.of("input", Batches.features(test)), "logits").get("logits");
        int[] predicted = logits.argMax(1).toIntVector();
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == test.classOf(i) ? 1 : 0;
        }
        long params = sd.variables().stream().filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
        System.out.printf(Locale.ROOT, "dl4j-samediff %s params %d train %d batch %d threads %d test_accuracy %.4f%n", type,
                params, domain.train().size(), batchSize, threads, (double) correct / predicted.length);
    }

    private static SameDiff mlp(int classes) {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder("input", DataType.FLOAT, -1, 784);
        SDVariable label = sd.placeHolder("label", DataType.FLOAT, -1, classes);
        SDVariable h1 = dense(sd, "1", input, 784, 256, true);
        SDVariable h2 = dense(sd, "2", h1, 256, 128, true);
        SDVariable logits = dense(sd, "3", h2, 128, classes, false).rename("logits");
        sd.loss().softmaxCrossEntropy("loss", label, logits, null);
        return sd;
    }

    private static SameDiff cnn(int classes) {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder("input", DataType.FLOAT, -1, 784);
        SDVariable label = sd.placeHolder("label", DataType.FLOAT, -1, classes);
        SDVariable x = input.reshape(-1, 1, 28, 28);
        x = convPool(sd, "1", x, 1, 20);
        x = convPool(sd, "2", x, 20, 50);
        SDVariable flat = x.reshape(-1, 4 * 4 * 50);
        SDVariable h = dense(sd, "3", flat, 800, 128, true);
        SDVariable logits = dense(sd, "4", h, 128, classes, false).rename("logits");
        sd.loss().softmaxCrossEntropy("loss", label, logits, null);
        return sd;
    }

    private static SDVariable convPool(SameDiff sd, String id, SDVariable x, int in, int out) {
        SDVariable w = sd.var("cw" + id, new XavierInitScheme('c', in * 25, out * 25), DataType.FLOAT, 5, 5, in, out);
        SDVariable b = sd.var("cb" + id, new ZeroInitScheme(), DataType.FLOAT, out);
        SDVariable conv = sd.cnn().conv2d(x, w, b, Conv2DConfig.builder().kH(5).kW(5).sH(1).sW(1).dataFormat("NCHW").build());
        return sd.cnn().maxPooling2d(sd.nn().relu(conv, 0), Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build());
    }

    private static SDVariable dense(SameDiff sd, String id, SDVariable x, int in, int out, boolean relu) {
        SDVariable w = sd.var("w" + id, new XavierInitScheme('c', in, out), DataType.FLOAT, in, out);
        SDVariable b = sd.var("b" + id, new ZeroInitScheme(), DataType.FLOAT, 1, out);
        SDVariable z = x.mmul(w).add(b);
        return relu ? sd.nn().relu(z, 0) : z;
    }
}
