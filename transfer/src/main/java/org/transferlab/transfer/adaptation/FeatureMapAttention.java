package org.transferlab.transfer.adaptation;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.Batches;

/**
 * DELTA, deep learning transfer using feature maps with attention (Li, Xiong, Wang, Guo, Lu, Huan &amp; Chen, "DELTA:
 * Deep Learning Transfer using Feature Map with Attention for Convolutional Networks", ICLR 2019): fine-tuning of the
 * source network (every layer, with a classifier for the target's classes) on the budget, keeping the features that
 * matter for the target task near the source network's on the same inputs, and the new classifier small. Loss:
 * CE(budget) + α (1/b) Σ_i Σ_j W_j (f_j(w, x_i) - f_j(w⁰, x_i))² + β ||W_head||² ({@link AttentiveFeatureDistance}).
 * The attention W_j = softmax_j(Δ_j) is computed once before training ({@link ChannelAttention}): a linear probe
 * ({@link LinearProbe}) is trained on the source network's features of the budget's train split, and Δ_j is the rise
 * of its cross-entropy there when channel j is zeroed. Reads no source data; validation is on the budget's validation
 * split (its train split without one); not applicable without a budget.
 *
 * <p>Differences from the paper: the feature maps are the units of the last hidden layer (the features joint training
 * reads, pooled channels for a convolutional source), not the maps of several inner convolutional layers; the
 * attention is the paper's softmax of Δ, not the reference code's softmax of the standardised Δ / 5; the probe runs
 * full-batch Adam steps; β penalises the head's weights, not its biases; Adam at a fixed learning rate, with early
 * stopping. The α and β defaults, 0.01 each, are the reference implementation's (Transfer-Learning-Library).
 *
 * <p>Registered as {@code delta} among the classification strategies.
 */
public final class FeatureMapAttention extends ClassificationStrategy<FeatureMapAttention.Parameters> {
    public static final String NAME = "delta";

    /**
     * @param alpha        weight α of the attentive feature distance (default 0.01; non-negative)
     * @param beta         weight β of the L2 penalty on the new classifier's weights (default 0.01; non-negative)
     * @param probeSteps   full-batch Adam steps of the linear probe that the attention is measured with (default 100;
     *                     0 measures it with the classifier fine-tuning starts from)
     * @param learningRate Adam learning rate of every part and of the probe (default 0.001)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     */
    public record Parameters(@Default("0.01") double alpha, @Default("0.01") double beta,
                             @Default("100") int probeSteps, @Default("0.001") double learningRate,
                             @Default("100") int maxEpochs, @Default("10") int patience, @Default("32") int batchSize) {
        public Parameters {
            Weights.requireNonNegative("alpha", alpha);
            Weights.requireNonNegative("beta", beta);
            if (probeSteps < 0) {
                throw new IllegalArgumentException("probe-steps must be 0 or positive, got " + probeSteps);
            }
            DomainAdversarial.schedule(learningRate, maxEpochs, patience, batchSize, 0);
        }
    }

    public FeatureMapAttention() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        return JointTraining.fit(context, DomainAdversarial.schedule(p.learningRate(), p.maxEpochs(), p.patience(),
                p.batchSize(), 0), false, (model, seed) -> regulariser(model, model.scaling.apply(context.budget().train()), p),
                NAME);
    }

    /**
     * DELTA's term for {@code model} before training (the source network and its starting classifier), the attention
     * measured on the scaled budget; the classifier's weights get the β penalty.
     */
    static AttentiveFeatureDistance regulariser(AdaptationModel model, Examples budget, Parameters p) {
        penaliseHead(model.classifier, p.beta());
        MultiLayerNetwork source = model.features.network().clone();
        return new AttentiveFeatureDistance(source, attention(model, source, budget, p.probeSteps()), p.alpha());
    }

    /** The channel attention on {@code budget}, measured with a probe trained from a copy of the model's classifier. */
    static double[] attention(AdaptationModel model, MultiLayerNetwork source, Examples budget, int probeSteps) {
        double[][] features = ExternalErrorNetwork.rows(source.output(Batches.features(budget), false));
        ExternalErrorNetwork probe = new ExternalErrorNetwork(model.classifier.network().clone());
        LinearProbe.train(probe, features, budget.classes(), probeSteps);
        return ChannelAttention.weights(features, budget.classes(),
                rows -> ExternalErrorNetwork.rows(probe.output(ExternalErrorNetwork.array(rows))));
    }

    /** β ||W||² on the classifier's weights, through DL4J's L2 (whose coefficient c adds c W to the gradient). */
    static void penaliseHead(ExternalErrorNetwork classifier, double beta) {
        if (beta > 0) {
            ((BaseLayer) classifier.network().getLayer(0).conf().getLayer()).setRegularization(List.of(new L2Regularization(2 * beta)));
            classifier.network().setUpdater(null);
        }
    }
}
