package org.transferlab.transfer.baseline;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.TrainingSchedule;
import org.transferlab.transfer.network.TargetTraining;

/**
 * The source model's output as extra features ("PRED" in Daumé III, "Frustratingly Easy Domain
 * Adaptation", ACL 2007): each target example x is extended with the source network's class probabilities
 * p_src(x) (one per source class), and a network of the same architecture is trained from scratch on the
 * budget over (x, p_src(x)). The probabilities are only features, so the source and target label spaces
 * may differ. For an MLP the input is the flat vector (x, p_src(x)), d + k values for k source classes; for a
 * CNN each probability becomes a constant extra channel of the image (c + k channels), so the convolutions see
 * it everywhere. Training is {@link TargetOnly}'s, with its parameters and early stopping on the budget's
 * validation split. The source network sees x scaled as its training inputs were; the new network sees x
 * scaled with the budget's training statistics beside the probabilities, which stay in [0, 1]
 * ({@link InputScaling}; images are not scaled).
 *
 * <p>Registered as {@code pred} among the classification strategies.
 */
public final class Pred extends ClassificationStrategy<Pred.Parameters> {
    public static final String NAME = "pred";

    /**
     * The target network's training: target-only's, with its defaults.
     *
     * @param learningRate Adam learning rate (default 0.001)
     * @param maxEpochs    upper bound on epochs (default 100)
     * @param patience     epochs without a lower validation loss before stopping (default 10)
     * @param batchSize    minibatch size (default 32)
     */
    public record Parameters(@Default("0.001") double learningRate, @Default("100") int maxEpochs, @Default("10") int patience,
                             @Default("32") int batchSize) {
        public Parameters {
            new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }

        TrainingSchedule schedule() {
            return new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }
    }

    public Pred() {
        super(Pred.Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        if (context.budget().train().size() == 0) {
            throw new NotApplicableException("it needs target labels, and the budget has none");
        }
        if (context.sourceModel().classNames().isEmpty()) {
            throw new NotApplicableException("it adds the source model's class probabilities to the features, and this "
                    + "source model has no softmax output layer");
        }
        MultiLayerNetwork source = context.sourceModel().copy();
        InputScaling sourceScaling = context.sourceModel().inputScaling();
        InputScaling targetScaling = TargetTraining.fromScratch(context);
        int sourceClasses = context.sourceModel().classNames().size();
        FeatureShape shape = context.shape();
        boolean channels = context.network().type() == NetworkSpec.Type.CNN;
        int repeat = channels ? shape.height() * shape.width() : 1;
        UnaryOperator<Examples> features = examples -> withSourceProbabilities(targetScaling.apply(examples),
                NetworkOutputs.probabilities(source, sourceScaling.apply(examples)), sourceClasses, repeat);
        FeatureShape extended = channels ? FeatureShape.image(shape.channels() + sourceClasses, shape.height(), shape.width())
                : FeatureShape.flat(shape.size() + sourceClasses);
        int classes = context.classCount();
        MultiLayerNetwork network = NetworkFactory.classifier(context.network(), extended, classes, p.learningRate(),
                Seeds.derive(context.seed(), NAME, "init"));
        FitSummary summary = SourcePool.train(network, p.schedule(), features.apply(context.budget().train()),
                features.apply(context.budget().validation()), classes, context, NAME);
        return Fitted.classes(SourcePool.restrictedToTarget(network, classes, classes, features), summary);
    }

    /**
     * Each row x followed by the source network's probabilities p_1(x) … p_k(x) of it, row-major in
     * {@code probabilities}, each written {@code repeat} times in a row (1 for a flat input, height · width for
     * whole constant channels of an image).
     */
    static Examples withSourceProbabilities(Examples examples, float[] probabilities, int sourceClasses, int repeat) {
        int d = examples.featureCount();
        int width = d + sourceClasses * repeat;
        float[] x = examples.featureMatrix();
        float[] wide = new float[examples.size() * width];
        for (int i = 0; i < examples.size(); i++) {
            System.arraycopy(x, i * d, wide, i * width, d);
            for (int c = 0; c < sourceClasses; c++) {
                java.util.Arrays.fill(wide, i * width + d + c * repeat, i * width + d + (c + 1) * repeat,
                        probabilities[i * sourceClasses + c]);
            }
        }
        return Features.replaced(examples, wide, width);
    }
}
