package org.transferlab.transfer.boosting;

import java.util.Locale;
import java.util.Objects;
import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.regression.RegressionFits;

/**
 * Two-stage TrAdaBoost.R2 (Pardoe &amp; Stone, "Boosting for Regression Transfer", ICML 2010): the source's rows
 * lose weight step by step, on a fixed schedule, where the target's rows are boosted on at each step with the
 * source's weights frozen; the step whose boosted model errs least on the target is kept. The rows are the budget's
 * train split (n_t) and a seeded sample of the source's train partition (n_s), in the same feature space, all
 * starting at weight 1/(n_s + n_t). At each of S steps:
 * <ol>
 * <li>stage 2: AdaBoost.R2 (Drucker, ICML 1997) for N rounds of weighted {@link RegressionTree}s, adjusting only the
 *     target rows' weights ({@link AdaBoostR2}); its error on the target is measured;</li>
 * <li>stage 1: a tree on all rows with the step's weights; row i's loss e_i relative to the largest error; each
 *     source weight times β^{e_i}, with β by bisection so that after normalisation the target holds
 *     n_t/(n_s + n_t) + s/(S − 1) · (1 − n_t/(n_s + n_t)) of the weight at step s (0-based), from its uniform share
 *     at the first step to all of it at the last ({@link SourceShareSchedule}).</li>
 * </ol>
 * The prediction is the chosen step's AdaBoost.R2: the weighted median of its trees' predictions, weighted by
 * ln(1/β_k). Loss: linear by default, L = |y − h(x)| / D, D the largest error; square and exponential are
 * Drucker's others ({@link BoostingLoss}).
 *
 * <p>Differences from the paper: the step is chosen by the mean squared error on the budget's validation split,
 * which the target rows never train on; only a budget without validation rows falls back to the paper's F-fold
 * cross-validation over the target rows (stage 2 on the other folds and the source, with the step's weights), and a
 * single target row without validation rows keeps the first step. In
 * stage 2, ε, the largest error D and the weight update are measured on the target rows alone (their weights are
 * rescaled to keep the target's share), and boosting stops as Drucker's does ({@link AdaBoostR2}). Where source
 * rows that the stage-1 tree fits exactly hold more than the schedule allows, β = 0 and the target holds less than
 * its share at that step. The weak learner is this package's weighted CART regression tree. It reads the raw
 * features, never the source model; it is not applicable without target labels.
 *
 * <p>Registered as {@code tradaboost-r2} among the regression strategies.
 */
public final class TrAdaBoostR2 extends RegressionStrategy<TrAdaBoostR2.Parameters> {
    public static final String NAME = "tradaboost-r2";

    /**
     * @param steps          S, the stage-1 steps (default 10; at least 1)
     * @param rounds         N, stage 2's boosting rounds per step (default 10; at least 1)
     * @param maxDepth       the greatest depth of every tree (default 3; at least 1)
     * @param sourceExamples source examples drawn at random; 0 for all (default 2000)
     * @param loss           linear, square or exponential (default linear)
     * @param folds          F, cross-validation folds, only for a budget without validation rows (default 5; at least 2)
     */
    public record Parameters(
            @Default("10") int steps,
            @Default("10") int rounds,
            @Default("3") int maxDepth,
            @Default("2000") int sourceExamples,
            @Default("linear") BoostingLoss loss,
            @Default("5") int folds) {
        public Parameters {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be at least 1, got " + steps);
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
            }
            if (maxDepth < 1) {
                throw new IllegalArgumentException("max-depth must be at least 1, got " + maxDepth);
            }
            if (sourceExamples < 0) {
                throw new IllegalArgumentException("source-examples must be 0 (all) or positive, got " + sourceExamples);
            }
            Objects.requireNonNull(loss, "loss must be linear, square or exponential");
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2, got " + folds);
            }
        }

        TwoStageBoosting.Settings settings() {
            return new TwoStageBoosting.Settings(steps, rounds, maxDepth, loss, folds);
        }
    }

    public TrAdaBoostR2() {
        super(Parameters.class);
    }

    /** It boosts on the source's raw examples, never the source model. */
    @Override
    public boolean usesSourceModel(Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        Examples target = RegressionFits.requireTargetLabels(context);
        Examples all = RegressionFits.source(context);
        Examples source = p.sourceExamples() == 0 ? all
                : all.randomSubset(p.sourceExamples(), Seeds.derive(context.seed(), NAME, "source-sample"));
        TwoStageBoosting.Result result = TwoStageBoosting.run(target, source, context.budget().validation(), p.settings(),
                Seeds.derive(context.seed(), NAME, "folds"), (step, done) -> context.log().epoch(NAME, step, Double.NaN,
                        Double.NaN, done.error(), Double.NaN));
        AdaBoostR2 model = result.model();
        return Fitted.values(model::predict, RegressionFits.summary(model::predict, context.budget()),
                provenance(result, target.size(), source.size(), context.budget().validation().size() > 0));
    }

    private static String provenance(TwoStageBoosting.Result result, int targetRows, int sourceRows, boolean validated) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "two-stage tradaboost.r2 on %d target and %d source rows; step chosen by %s: %d%n", targetRows, sourceRows,
                validated ? "validation MSE" : "cross-validated MSE", result.chosen() + 1));
        for (int s = 0; s < result.steps().length; s++) {
            TwoStageBoosting.Step step = result.steps()[s];
            text.append(String.format(Locale.ROOT, "step %d: target weight share %.4f, %d trees, error %.6g%n", s + 1,
                    step.targetShare(), step.model().votes().length, step.error()));
        }
        return text.toString();
    }
}
