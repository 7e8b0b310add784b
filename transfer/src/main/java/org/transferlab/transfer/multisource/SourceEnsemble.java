package org.transferlab.transfer.multisource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.Predictor;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.NetworkEvaluation;
import org.transferlab.transfer.network.FineTuning;
import org.transferlab.transfer.network.NetworkPredictor;

/**
 * Source ensemble: of a pair's several sources, fine-tune each one's source model on the budget ({@code fine-tuning},
 * with its parameters) and predict with the mixture Σ_k w_k p_k(y | x), the weights proportional to each model's
 * likelihood of the budget's validation split, w_k ∝ Π_i p_k(y_i | x_i): Bayesian model averaging over the sources
 * with a uniform prior (as in the likelihood-weighted source combination of multi-source transfer, e.g. Yao &amp;
 * Doretto, "Boosting for transfer learning with multiple sources", CVPR 2010, weight sources by target
 * performance). With many validation labels the weights concentrate on one source and the ensemble becomes
 * {@code best-source}; with few they stay spread. Where the budget is too small for a validation split, its train
 * split weighs. Not applicable to a pair of one source or to a budget without labels. Its fit summary is the
 * mixture's own loss and accuracy on the budget's train and validation splits.
 *
 * <p>Parameters are {@code fine-tuning}'s (learning rate, epochs, patience, batch size, top layers).
 *
 * <p>Registered as {@code source-ensemble} among the classification strategies.
 */
public final class SourceEnsemble extends ClassificationStrategy<FineTuning.Parameters> {
    public static final String NAME = "source-ensemble";

    public SourceEnsemble() {
        super(FineTuning.Parameters.class);
    }

    @Override
    public Fitted fit(FineTuning.Parameters p, TransferContext context) {
        List<FineTunedSource> sources = FineTunedSource.all(p, context);
        double[] weights = weights(sources.stream().mapToDouble(FineTunedSource::logLikelihood).toArray());
        List<NetworkPredictor> networks = sources.stream()
                .map(s -> (NetworkPredictor) ((Fitted.Classes) s.fitted()).predictor()).toList();
        Mixture mixture = new Mixture(networks, weights);
        return Fitted.classes(mixture, summary(mixture, context.budget()), NAME + ": weights by the log-likelihood of the "
                + "budget's " + FineTunedSource.judgingSplitName(context.budget()) + " " + IntStream.range(0, weights.length)
                .mapToObj(k -> sources.get(k).name() + " " + String.format(Locale.ROOT, "%.3f", weights[k]))
                .collect(Collectors.joining(", ")));
    }

    /** Normalised exp(log-likelihoods), through the largest so that none underflows to a sum of zero. */
    static double[] weights(double[] logLikelihoods) {
        double max = java.util.Arrays.stream(logLikelihoods).max().orElseThrow();
        double[] w = java.util.Arrays.stream(logLikelihoods).map(l -> Math.exp(l - max)).toArray();
        double sum = java.util.Arrays.stream(w).sum();
        return java.util.Arrays.stream(w).map(x -> x / sum).toArray();
    }

    private static FitSummary summary(Mixture mixture, LabelledSplit budget) {
        Examples train = budget.train();
        Examples validation = budget.validation();
        return FitSummary.oneShot(mixture.loss(train), mixture.accuracy(train),
                validation.size() > 0 ? mixture.loss(validation) : Double.NaN,
                validation.size() > 0 ? mixture.accuracy(validation) : Double.NaN);
    }

    /** The weighted mixture of the sources' fine-tuned networks' class probabilities. */
    static final class Mixture implements Predictor {
        private final List<NetworkPredictor> networks;
        private final double[] weights;

        Mixture(List<NetworkPredictor> networks, double[] weights) {
            this.networks = networks;
            this.weights = weights.clone();
        }

        double[][] probabilities(Examples examples) {
            double[][] mixed = null;
            for (int k = 0; k < networks.size(); k++) {
                NetworkPredictor network = networks.get(k);
                double[][] p = NetworkEvaluation.probabilities(network.network(), network.inputScaling().apply(examples));
                if (mixed == null) {
                    mixed = new double[p.length][p.length == 0 ? 0 : p[0].length];
                }
                for (int i = 0; i < p.length; i++) {
                    for (int c = 0; c < p[i].length; c++) {
                        mixed[i][c] += weights[k] * p[i][c];
                    }
                }
            }
            return mixed;
        }

        @Override
        public int[] predictClasses(Examples examples) {
            return java.util.Arrays.stream(probabilities(examples)).mapToInt(SourceEnsemble::argMax).toArray();
        }

        double loss(Examples examples) {
            return -FineTunedSource.logLikelihood(probabilities(examples), examples.classes()) / Math.max(1, examples.size());
        }

        double accuracy(Examples examples) {
            int[] predicted = predictClasses(examples);
            int[] classes = examples.classes();
            return (double) IntStream.range(0, classes.length).filter(i -> predicted[i] == classes[i]).count()
                    / Math.max(1, classes.length);
        }
    }

    private static int argMax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
