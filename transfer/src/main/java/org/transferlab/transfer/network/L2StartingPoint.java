package org.transferlab.transfer.network;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.TrainingSchedule;

/**
 * L2-SP: fine-tuning with the weight penalty pulling toward the source weights instead of toward zero,
 * (alpha / 2) ||w - w_source||^2 on every transferred parameter, so the model may adapt but stays
 * near the features it started from (Li, Grandvalet &amp; Davoine, "Explicit Inductive Bias for
 * Transfer Learning with Convolutional Networks", ICML 2018). The new output layer is not penalised.
 * With Adam, whose steps are scaled to the learning rate, a very large alpha keeps the weights within
 * about one learning rate of the source's.
 *
 * <p>Registered as {@code l2-sp} among the classification strategies.
 */
public final class L2StartingPoint extends ClassificationStrategy<L2StartingPoint.Parameters> {
    public static final String NAME = "l2-sp";

    /**
     * @param alpha        strength of the pull toward the source weights (default 0.01, as in the paper)
     * @param learningRate Adam learning rate of every layer (default 0.001)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     */
    public record Parameters(
            @Default("0.01") double alpha,
            @Default("0.001") double learningRate,
            @Default("100") int maxEpochs,
            @Default("10") int patience,
            @Default("32") int batchSize) {
        public Parameters {
            if (!(alpha >= 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("alpha must be a non-negative number, got " + alpha);
            }
            new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }
    }

    /** The penalty (alpha / 2) ||w - w0||^2 on one parameter array, applied to the gradient before the updater. */
    static final class TowardSource implements Regularization {
        private static final long serialVersionUID = 1L;
        private final double alpha;
        private final INDArray start;

        TowardSource(double alpha, INDArray start) {
            this.alpha = alpha;
            this.start = start;
        }

        @Override
        public ApplyStep applyStep() {
            return ApplyStep.BEFORE_UPDATER;
        }

        @Override
        public void apply(INDArray parameter, INDArray gradient, double learningRate, int iteration, int epoch) {
            gradient.addi(parameter.sub(like(parameter)).muli(alpha));
        }

        @Override
        public double score(INDArray parameter, int iteration, int epoch) {
            double distance = parameter.distance2(like(parameter));
            return 0.5 * alpha * distance * distance;
        }

        /** DL4J hands the updater flat views of its column-major parameter buffer; match that layout. */
        private INDArray like(INDArray parameter) {
            return java.util.Arrays.equals(start.shape(), parameter.shape()) ? start : start.reshape('f', parameter.shape());
        }

        @Override
        public Regularization clone() {
            return new TowardSource(alpha, start);
        }
    }

    public L2StartingPoint() {
        super(L2StartingPoint.Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        MultiLayerNetwork network = FeatureExtraction.newHead(context.sourceModel(), context, p.learningRate(), -1);
        for (int layer = 0; layer < network.getnLayers() - 1; layer++) {
            // Layers without weights and biases (a model file's batch normalisation, say) are not pulled.
            java.util.Map<String, INDArray> own = network.getLayer(layer).paramTable();
            if (network.getLayer(layer).conf().getLayer() instanceof BaseLayer base && own.containsKey("W") && own.containsKey("b")) {
                base.setRegularization(List.of(new TowardSource(p.alpha(), network.getLayer(layer).getParam("W").dup())));
                base.setRegularizationBias(List.of(new TowardSource(p.alpha(), network.getLayer(layer).getParam("b").dup())));
            }
        }
        network.setUpdater(null);
        return TargetTraining.fit(network, context.sourceModel().inputScaling(),
                new TrainingSchedule(p.learningRate(), p.maxEpochs(), p.patience(), p.batchSize()), context, NAME);
    }
}
