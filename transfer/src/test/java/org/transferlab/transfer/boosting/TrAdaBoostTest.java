package org.transferlab.transfer.boosting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.TrainingLog;

/** TrAdaBoost's rounds against a SAMME loop written here, its weight updates on a tiny set, and the strategy's edges. */
class TrAdaBoostTest {
    private static final NetworkSpec NETWORK = new NetworkSpec(NetworkSpec.Type.MLP, List.of(8), List.of(), 2, 32, 0.01, 1);
    private static final Examples NO_ROWS = Examples.classified(new float[0], 2, new int[0]);
    private static final TrAdaBoostEnsemble.RoundLog QUIET = (round, learnt) -> { };

    /** {@code n} rows of two features, class i % classes centred at (class, 0), overlapping enough that stumps err. */
    private static Examples clouds(int n, int classes, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            x[2 * i] = (float) (y[i] + sd * random.nextGaussian());
            x[2 * i + 1] = (float) (sd * random.nextGaussian());
        }
        return Examples.classified(x, 2, y);
    }

    /** The weights, votes and predictions of SAMME (Zhu et al. 2009) on {@code rows}, written without TrAdaBoost's code. */
    private record Samme(double[] alphas, double[] weights, int[] predictions) {
        static Samme run(Examples rows, int classes, int rounds, int depth, Examples test) {
            int n = rows.size();
            double[] w = new double[n];
            java.util.Arrays.fill(w, 1.0 / n);
            double[] alphas = new double[rounds];
            double[][] votes = new double[test.size()][classes];
            for (int t = 0; t < rounds; t++) {
                ClassificationTree tree = ClassificationTree.train(rows, w, depth);
                int[] fitted = tree.predict(rows);
                double error = IntStream.range(0, n).filter(i -> fitted[i] != rows.classOf(i)).mapToDouble(i -> w[i]).sum()
                        / java.util.Arrays.stream(w).sum();
                assertTrue(error > 0 && error < (classes - 1.0) / classes, "the reference needs errors in (0, (K-1)/K): " + error);
                alphas[t] = Math.log((1 - error) / error) + Math.log(classes - 1);
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    w[i] = w[i] * Math.exp(alphas[t] * (fitted[i] != rows.classOf(i) ? 1 : 0));
                    sum += w[i];
                }
                for (int i = 0; i < n; i++) {
                    w[i] /= sum;
                }
                // The paper's vote: rounds ceil(N/2)..N, 1-based.
                if (t + 1 >= Math.ceil(rounds / 2.0)) {
                    int[] predicted = tree.predict(test);
                    for (int i = 0; i < predicted.length; i++) {
                        votes[i][predicted[i]] += alphas[t];
                    }
                }
            }
            int[] predictions = new int[test.size()];
            for (int i = 0; i < predictions.length; i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    best = votes[i][c] > votes[i][best] ? c : best;
                }
                predictions[i] = best;
            }
            return new Samme(alphas, w, predictions);
        }
    }

    @Test
    void withAnEmptySourceItIsSammeOnTheTarget() {
        Examples target = clouds(90, 3, 0.6, 1);
        Examples test = clouds(300, 3, 0.6, 2);
        for (int rounds : new int[] {1, 6, 7}) {
            TrAdaBoostEnsemble boosted = TrAdaBoostEnsemble.boost(target, NO_ROWS, 3, rounds, 1, QUIET);
            Samme reference = Samme.run(target, 3, rounds, 1, test);
            double[] alphas = boosted.rounds().stream().mapToDouble(TrAdaBoostEnsemble.Round::alpha).toArray();
            assertArrayEquals(reference.alphas(), alphas, 1e-9, "the votes of " + rounds + " rounds");
            assertArrayEquals(reference.weights(), boosted.weights(), 1e-12, "the weights after " + rounds + " rounds");
            assertArrayEquals(reference.predictions(), boosted.predict(test), "the predictions of " + rounds + " rounds");
        }
    }

    @Test
    void misclassifiedSourceRowsLoseWeightAndMisclassifiedTargetRowsGainIt() {
        // A stump splits x at about 2.5; the target's x = 1.5 and the source's x = 0.5, both class 1, fall on class 0's side.
        Examples target = Examples.classified(new float[] {0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 1.5f, 0}, 2,
                new int[] {0, 0, 0, 1, 1, 1, 1});
        Examples source = Examples.classified(new float[] {0.5f, 0, 4.5f, 0, 0.2f, 0}, 2, new int[] {1, 1, 0});
        int rounds = 4;
        TrAdaBoostEnsemble boosted = TrAdaBoostEnsemble.boost(target, source, 2, rounds, 1, QUIET);
        // One round on its own, so that every weight has moved once from the same start.
        TrAdaBoostEnsemble first = TrAdaBoostEnsemble.boost(target, source, 2, 1, 1, QUIET);
        Examples all = target.concat(source);
        int[] predicted = first.rounds().get(0).tree().predict(all);
        double[] w = first.weights();
        int n = target.size();
        int[] missedTarget = IntStream.range(0, n).filter(i -> predicted[i] != all.classOf(i)).toArray();
        int[] rightTarget = IntStream.range(0, n).filter(i -> predicted[i] == all.classOf(i)).toArray();
        int[] missedSource = IntStream.range(n, all.size()).filter(i -> predicted[i] != all.classOf(i)).toArray();
        int[] rightSource = IntStream.range(n, all.size()).filter(i -> predicted[i] == all.classOf(i)).toArray();
        assertTrue(missedTarget.length > 0 && missedSource.length > 0 && rightTarget.length > 0 && rightSource.length > 0,
                "the set must have rows of each kind");
        double error = (double) missedTarget.length / n;
        assertEquals(error, first.rounds().get(0).targetError(), 1e-12, "the error counts target rows only");
        double beta = 1 / (1 + Math.sqrt(2 * Math.log(source.size()) / 1));
        for (int i : missedTarget) {
            assertEquals((1 - error) / error, w[i] / w[rightTarget[0]], 1e-9, "a misclassified target row gains weight");
        }
        for (int i : missedSource) {
            assertEquals(beta, w[i] / w[rightSource[0]], 1e-9, "a misclassified source row loses weight");
        }
        assertEquals(w[rightTarget[0]], w[rightSource[0]], 1e-12, "rows predicted right keep their weight");
        // Over several rounds the source row the trees keep missing fades, and β is the paper's for N rounds.
        assertEquals(1 / (1 + Math.sqrt(2 * Math.log(3) / rounds)), boosted.sourceBeta(), 1e-12);
        assertTrue(boosted.weights()[n] < first.weights()[n], "the outlying source row fades over the rounds");
    }

    @Test
    void onlyTheLaterHalfOfTheRoundsVotes() {
        assertEquals(0, TrAdaBoostEnsemble.firstVotingRound(1));
        assertEquals(0, TrAdaBoostEnsemble.firstVotingRound(2));
        assertEquals(1, TrAdaBoostEnsemble.firstVotingRound(3));
        assertEquals(9, TrAdaBoostEnsemble.firstVotingRound(20));
        assertEquals(10, TrAdaBoostEnsemble.firstVotingRound(21));
    }

    /** Source classes a, b and c (which the target lacks), the target's a and b shifted a little, a few labels. */
    private static TransferContext context(Examples budgetTrain) {
        Examples source = clouds(300, 3, 0.4, 3);
        Examples validation = clouds(20, 2, 0.4, 4);
        LabelledSplit budget = new LabelledSplit(budgetTrain, validation, new int[budgetTrain.size()], new int[20]);
        return new TransferContext("target", TaskType.CLASSIFICATION, List.of("a", "b"), FeatureShape.flat(2), budget, NETWORK,
                () -> {
                    throw new AssertionError("tradaboost reads no source model");
                }, 6, TrainingLog.NONE).withAdaptationData(new TransferContext.SourceData(List.of("a", "b", "c"), source),
                clouds(100, 2, 0.4, 5).withoutLabels());
    }

    @Test
    void theStrategyPredictsTheTargetsClassesLogsEachRoundAndNeedsTargetLabels() {
        List<Integer> logged = new java.util.ArrayList<>();
        TransferContext context = context(clouds(10, 2, 0.4, 6));
        TransferContext logging = new TransferContext("target", TaskType.CLASSIFICATION, context.classNames(), context.shape(),
                context.budget(), NETWORK, () -> null, 6, (phase, epoch, loss, a, vl, va) -> logged.add(epoch))
                .withAdaptationData(context.sourceData(), context.unlabelledTarget());
        Fitted fitted = new TrAdaBoost().fit(new TrAdaBoost.Parameters(5, 2, 0), logging);
        assertEquals(List.of(1, 2, 3, 4, 5), logged);
        int[] predicted = fitted.predictClasses(clouds(200, 3, 0.4, 7));
        assertTrue(IntStream.of(predicted).allMatch(c -> c == 0 || c == 1), "a class the target lacks was predicted");
        assertTrue(fitted.provenance().contains("200 source rows"),
                "the source's class c is left out: " + fitted.provenance().lines().findFirst().orElse(""));
        assertThrows(NotApplicableException.class,
                () -> new TrAdaBoost().fit(new TrAdaBoost.Parameters(5, 2, 0), context(NO_ROWS)));
    }

    @Test
    void parametersOutsideTheirRangesAreRefusedWithTheirNames() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrAdaBoost.Parameters(0, 3, 0)).getMessage()
                .contains("rounds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrAdaBoost.Parameters(5, 0, 0)).getMessage()
                .contains("max-depth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrAdaBoost.Parameters(5, 3, -1)).getMessage()
                .contains("source-examples"));
    }
}
