package org.transferlab.transfer.boosting;

import java.util.Locale;
import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.baseline.SourcePool;
import org.transferlab.transfer.engine.FitSummary;

/**
 * TrAdaBoost (Dai, Yang, Xue &amp; Yu, "Boosting for Transfer Learning", ICML 2007): boosting on the target budget
 * and a seeded sample of labelled source examples together, in which source examples the weak learners keep
 * getting wrong fade away while the target's hard examples gain weight, as in AdaBoost. The training rows are the
 * budget's train split and the source sample, restricted to the source's classes that the target has and mapped
 * into the target's label space ({@link SourcePool#sampleOfTargetClasses}); all start at the same weight. Each of the N
 * rounds trains a shallow CART tree (Tribuo's, on the weighted rows, {@link ClassificationTree}) and measures its
 * weighted error on the target rows only,
 * <pre>
 *   ε_t = Σ_{target i} w_i [h_t(x_i) ≠ y_i] / Σ_{target i} w_i,
 * </pre>
 * then multiplies the weight of each misclassified target row by e^{α_t} and of each misclassified source row by
 * β = 1 / (1 + √(2 ln n_s / N)), n_s the source rows. The prediction is the class with the largest Σ α_t over the
 * trees that predict it, among the rounds ⌈N/2⌉..N, as in the paper, whose earlier rounds still see much of the
 * source's weight.
 *
 * <p>Differences from the paper: for K classes it uses the SAMME generalisation of AdaBoost (Zhu, Zou, Rosset &amp;
 * Hastie, "Multi-class AdaBoost", Statistics and Its Interface 2009): α_t = ln((1 − ε_t)/ε_t) + ln(K − 1), which
 * for two classes is the paper's ln(1/β_t) with β_t = ε_t/(1 − ε_t), and the vote is over classes rather than the
 * paper's threshold on the binary one. The paper needs ε_t &lt; 1/2; here ε_t is capped at SAMME's (K − 1)/K, where
 * α_t = 0 (the tree gets no vote and leaves the target's weights as they are), and floored at
 * {@value TrAdaBoostEnsemble#MIN_ERROR}, so a tree without target mistakes gets a large finite vote. Loss: the
 * 0-1 loss on the target rows, which AdaBoost minimises through the exponential loss. It reads the raw features,
 * never the source model.
 *
 * <p>Not applicable without target labels (a budget of 0: there is no error to boost on) or without source
 * examples of the target's classes. Its boosting loop without source rows is SAMME on the budget, voting with
 * its later half ({@code TrAdaBoostTest} checks that against a SAMME loop of its own).
 *
 * <p>Registered as {@code tradaboost} among the classification strategies.
 */
public final class TrAdaBoost extends ClassificationStrategy<TrAdaBoost.Parameters> {
    public static final String NAME = "tradaboost";

    /**
     * @param rounds         N, the boosting rounds (default 20; at least 1)
     * @param maxDepth       the greatest depth of each tree (default 3; at least 1)
     * @param sourceExamples source examples drawn at random, as {@code pooled} draws them; 0 for all (default 2000)
     */
    public record Parameters(
            @Default("20") int rounds,
            @Default("3") int maxDepth,
            @Default("2000") int sourceExamples) {
        public Parameters {
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
            }
            if (maxDepth < 1) {
                throw new IllegalArgumentException("max-depth must be at least 1, got " + maxDepth);
            }
            if (sourceExamples < 0) {
                throw new IllegalArgumentException("source-examples must be 0 (all) or positive, got " + sourceExamples);
            }
        }
    }

    public TrAdaBoost() {
        super(Parameters.class);
    }

    /** It boosts on the source's raw examples, never the source model. */
    @Override
    public boolean usesSourceModel(Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        Examples budget = context.budget().train();
        if (budget.size() == 0) {
            throw new NotApplicableException("it measures each round's error on target labels, and the budget has none");
        }
        Examples source = SourcePool.sampleOfTargetClasses(context, p.sourceExamples());
        TrAdaBoostEnsemble ensemble = TrAdaBoostEnsemble.boost(budget, source, context.classCount(), p.rounds(),
                p.maxDepth(), (round, learnt) -> context.log().epoch(NAME, round, learnt.targetError(), Double.NaN,
                        Double.NaN, Double.NaN));
        double trainAccuracy = accuracy(ensemble, budget);
        double validationAccuracy = accuracy(ensemble, context.budget().validation());
        return Fitted.classes(ensemble::predict,
                new FitSummary(p.rounds(), p.rounds(), Double.NaN, trainAccuracy, Double.NaN, validationAccuracy),
                provenance(ensemble, budget.size(), source.size()));
    }

    private static double accuracy(TrAdaBoostEnsemble ensemble, Examples examples) {
        if (examples.size() == 0) {
            return Double.NaN;
        }
        int[] predicted = ensemble.predict(examples);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == examples.classOf(i) ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }

    private static String provenance(TrAdaBoostEnsemble ensemble, int targetRows, int sourceRows) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "tradaboost on %d target and %d source rows, source beta %.4f, voting rounds %d..%d%n", targetRows,
                sourceRows, ensemble.sourceBeta(), TrAdaBoostEnsemble.firstVotingRound(ensemble.rounds().size()) + 1,
                ensemble.rounds().size()));
        double[] weights = ensemble.weights();
        double targetShare = java.util.Arrays.stream(weights, 0, targetRows).sum();
        text.append(String.format(Locale.ROOT, "target weight share after the last round %.4f%n", targetShare));
        for (int t = 0; t < ensemble.rounds().size(); t++) {
            TrAdaBoostEnsemble.Round round = ensemble.rounds().get(t);
            text.append(String.format(Locale.ROOT, "round %d: target error %.4f, alpha %.4f%n", t + 1,
                    round.targetError(), round.alpha()));
        }
        return text.append(ensemble.rounds().get(0).tree().provenance()).toString();
    }
}
