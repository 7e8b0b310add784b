package org.transferlab.benchmarks.peer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.transfer.engine.Batches;
import org.transferlab.transfer.engine.NetworkEvaluation;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.NetworkSpec;

/**
 * The DL4J side of {@code benchmarks/peer/epoch_vs_pytorch.sh}: trains TransferLab's default MLP or
 * CNN (built by {@link NetworkFactory}, as a source model is) on Fashion-MNIST classes 0-4 (30,000
 * training images) for some epochs the way {@code SourceTrainer} does (shuffle, build minibatches,
 * fit each), and prints one line per epoch with its seconds, then the parameter count and the test
 * accuracy. Only the epochs are timed, not loading the data or starting the JVM.
 *
 * <p>Arguments: {@code mlp|cnn batchSize threads epochs [dataDir]}.
 */
public final class Dl4jEpoch {
    private Dl4jEpoch() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: Dl4jEpoch mlp|cnn BATCH_SIZE THREADS EPOCHS [DATA_DIR]");
            System.exit(2);
        }
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
        NetworkSpec spec = "cnn".equals(type)
                ? new NetworkSpec(NetworkSpec.Type.CNN, List.of(128), List.of(20, 50), epochs, batchSize, 1e-3, 1)
                : new NetworkSpec(NetworkSpec.Type.MLP, List.of(256, 128), List.of(20, 50), epochs, batchSize, 1e-3, 1);
        MultiLayerNetwork network = NetworkFactory.classifier(spec, domain.shape(), domain.classCount(), 1e-3, 1);
        SplittableRandom order = new SplittableRandom(1);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            for (DataSet batch : Batches.shuffled(domain.train(), domain.classCount(), batchSize, order)) {
                network.fit(batch);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "dl4j %s epoch %d seconds %.3f%n", type, epoch, seconds);
        }
        double accuracy = NetworkEvaluation.accuracy(network, domain.test().open());
        System.out.printf(Locale.ROOT, "dl4j %s params %d train %d batch %d threads %d test_accuracy %.4f%n", type,
                network.numParams(), domain.train().size(), batchSize, threads, accuracy);
    }
}
