package org.transferlab.transfer.baseline;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.TrainingSchedule;
import org.transferlab.transfer.network.TargetTraining;

/**
 * Linear interpolation of the source-only and target-only models ("LININT" in Daumé III, "Frustratingly
 * Easy Domain Adaptation", ACL 2007), on their class probabilities: p(y | x) = α p_src(y | x) + (1 − α)
 * p_tgt(y | x), predicting the most probable target class. p_src is the source model's softmax restricted
 * to the target's classes and renormalised, so the strategy applies only where the source's label space
 * contains every target class (elsewhere the cell is not applicable, as for {@code source-only}). p_tgt is
 * the {@code target-only} network, with target-only's parameters and seeds, so α = 0 is exactly the
 * target-only cell and α = 1 the source-only one. Each network sees the examples scaled as its training
 * inputs were ({@link InputScaling}: the source's statistics for p_src, the budget's for p_tgt).
 *
 * <p>α ∈ {0, 0.05, …, 1} maximises the log-likelihood Σ log p(y_i | x_i) of the budget's validation split
 * (probabilities floored at 1e-12), the smallest α on ties. Without a validation split it is chosen on the
 * training split, which favours the target model (it was fitted there); the fit's provenance text says
 * which split chose α, and what α is.
 *
 * <p>Registered as {@code linint} among the classification strategies.
 */
public final class LinInt extends ClassificationStrategy<LinInt.Parameters> {
    public static final String NAME = "linint";
    private static final int STEPS = 20;
    private static final double FLOOR = 1e-12;

    /**
     * The target-only network's training, with its defaults.
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

        TargetOnly.Parameters targetOnly() {
            return new TargetOnly.Parameters(learningRate, maxEpochs, patience, batchSize);
        }
    }

    public LinInt() {
        super(LinInt.Parameters.class);
    }

    @Override
    public Fitted fit(Parameters parameters, TransferContext context) {
        TargetOnly.Parameters p = parameters.targetOnly();
        List<String> sourceClasses = context.sourceModel().classNames();
        if (!sourceClasses.containsAll(context.classNames())) {
            throw new NotApplicableException("source classes " + sourceClasses + " do not contain all of the target's "
                    + context.classNames());
        }
        int[] columns = context.classNames().stream().mapToInt(sourceClasses::indexOf).toArray();
        MultiLayerNetwork sourceNetwork = context.sourceModel().copy();
        MultiLayerNetwork targetNetwork = TargetOnly.network(p, context);
        InputScaling targetScaling = TargetTraining.fromScratch(context);
        FitSummary targetFit = TargetTraining.fit(targetNetwork, targetScaling, p.schedule(), context, TargetOnly.NAME).summary();
        Scaled source = new Scaled(sourceNetwork, context.sourceModel().inputScaling());
        Scaled target = new Scaled(targetNetwork, targetScaling);
        boolean validated = context.budget().validation().size() > 0;
        Examples selection = validated ? context.budget().validation() : context.budget().train();
        int k = context.classCount();
        double alpha = bestAlpha(restricted(source.probabilities(selection), sourceClasses.size(), columns),
                target.probabilities(selection), selection.classes(), k);
        Interpolation model = new Interpolation(source, sourceClasses.size(), columns, target, alpha);
        Score train = model.score(context.budget().train());
        Score validation = validated ? model.score(context.budget().validation()) : Score.NONE;
        context.log().epoch(NAME, 0, train.loss(), train.accuracy(), validation.loss(), validation.accuracy());
        FitSummary summary = new FitSummary(targetFit.bestEpoch(), targetFit.epochsRun(), train.loss(), train.accuracy(),
                validation.loss(), validation.accuracy());
        return Fitted.classes(examples -> NetworkOutputs.argMax(model.probabilities(examples), k, k), summary,
                NAME + ": alpha = " + alpha + " (weight of the source model), chosen by log-likelihood on the "
                        + (validated ? "validation" : "training (there is no validation split)") + " split of "
                        + selection.size() + " examples");
    }

    /** Rows of {@code width} source probabilities reduced to {@code columns}, each row renormalised (uniform if all 0). */
    static float[] restricted(float[] probabilities, int width, int[] columns) {
        int rows = probabilities.length / width;
        float[] kept = new float[rows * columns.length];
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int j = 0; j < columns.length; j++) {
                sum += probabilities[i * width + columns[j]];
            }
            for (int j = 0; j < columns.length; j++) {
                kept[i * columns.length + j] = sum > 0 ? (float) (probabilities[i * width + columns[j]] / sum)
                        : 1f / columns.length;
            }
        }
        return kept;
    }

    /** α · source + (1 − α) · target, row by row. */
    static float[] interpolate(float[] source, float[] target, double alpha) {
        float[] mixed = new float[source.length];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (float) (alpha * source[i] + (1 - alpha) * target[i]);
        }
        return mixed;
    }

    /** The α of the grid whose interpolation has the highest log-likelihood of {@code classes}; the smallest on ties. */
    static double bestAlpha(float[] source, float[] target, int[] classes, int k) {
        double best = 0;
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (int step = 0; step <= STEPS; step++) {
            double alpha = (double) step / STEPS;
            double likelihood = logLikelihood(interpolate(source, target, alpha), classes, k);
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                best = alpha;
            }
        }
        return best;
    }

    private static double logLikelihood(float[] probabilities, int[] classes, int k) {
        double sum = 0;
        for (int i = 0; i < classes.length; i++) {
            sum += Math.log(Math.max(probabilities[i * k + classes[i]], FLOOR));
        }
        return sum;
    }

    /** Mean negative log-likelihood and accuracy of a fitted interpolation on some labelled examples. */
    private record Score(double loss, double accuracy) {
        static final Score NONE = new Score(Double.NaN, Double.NaN);
    }

    /** A network and the scaling of its inputs: the source's for the source network, the budget's for the target's. */
    private record Scaled(MultiLayerNetwork network, InputScaling scaling) {
        float[] probabilities(Examples examples) {
            return NetworkOutputs.probabilities(network, examples, scaling::apply);
        }
    }

    /** The fitted model: both networks and the chosen α. */
    private record Interpolation(Scaled source, int sourceWidth, int[] columns, Scaled target, double alpha) {
        float[] probabilities(Examples examples) {
            return interpolate(restricted(source.probabilities(examples), sourceWidth, columns), target.probabilities(examples),
                    alpha);
        }

        Score score(Examples examples) {
            int k = columns.length;
            float[] p = probabilities(examples);
            int[] classes = examples.classes();
            int[] predicted = NetworkOutputs.argMax(p, k, k);
            int correct = 0;
            for (int i = 0; i < classes.length; i++) {
                correct += predicted[i] == classes[i] ? 1 : 0;
            }
            return new Score(-logLikelihood(p, classes, k) / Math.max(1, classes.length),
                    (double) correct / Math.max(1, classes.length));
        }
    }
}
