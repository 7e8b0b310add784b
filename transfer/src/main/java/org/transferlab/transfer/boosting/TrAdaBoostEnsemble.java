package org.transferlab.transfer.boosting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.transferlab.core.data.Examples;

/**
 * TrAdaBoost's boosting loop and vote ({@link TrAdaBoost} has the algorithm and the paper). The training rows are
 * the target's followed by the source's, each starting at weight 1; after each round the weights are normalised to
 * sum 1, which changes no ratio between them.
 */
final class TrAdaBoostEnsemble {
    /** The smallest target error a round is credited with: a tree without target mistakes gets a large, finite vote. */
    static final double MIN_ERROR = 1e-10;

    /** What one round learnt: the tree, its weighted error on the target rows and its vote α. */
    record Round(ClassificationTree tree, double targetError, double alpha) {
    }

    /** Receives each round as it ends (1-based), for the learning curve. */
    @FunctionalInterface
    interface RoundLog {
        void round(int round, Round learnt);
    }

    private final List<Round> rounds;
    private final double[] weights;
    private final double sourceBeta;
    private final int classCount;

    private TrAdaBoostEnsemble(List<Round> rounds, double[] weights, double sourceBeta, int classCount) {
        this.rounds = rounds;
        this.weights = weights;
        this.sourceBeta = sourceBeta;
        this.classCount = classCount;
    }

    /**
     * Boosts {@code rounds} trees of depth at most {@code maxDepth} on {@code target} and {@code source}, both
     * labelled by index among {@code classCount} classes.
     */
    static TrAdaBoostEnsemble boost(Examples target, Examples source, int classCount, int rounds, int maxDepth, RoundLog log) {
        if (classCount < 2) {
            throw new IllegalArgumentException("boosting a classifier needs at least two classes, got " + classCount);
        }
        if (target.size() == 0) {
            throw new IllegalArgumentException("TrAdaBoost measures each round's error on target rows, and there are none");
        }
        int n = target.size();
        Examples train = target.concat(source);
        double beta = sourceBeta(source.size(), rounds);
        double[] w = new double[train.size()];
        Arrays.fill(w, 1.0 / w.length);
        List<Round> learnt = new ArrayList<>(rounds);
        for (int t = 0; t < rounds; t++) {
            ClassificationTree tree = ClassificationTree.train(train, w, maxDepth);
            int[] predicted = tree.predict(train);
            double missed = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += w[i];
                missed += predicted[i] != train.classOf(i) ? w[i] : 0;
            }
            double error = Math.min(Math.max(missed / total, MIN_ERROR), (classCount - 1.0) / classCount);
            double alpha = Math.log((1 - error) / error) + Math.log(classCount - 1.0);
            double targetFactor = Math.exp(alpha);
            for (int i = 0; i < w.length; i++) {
                if (predicted[i] != train.classOf(i)) {
                    w[i] *= i < n ? targetFactor : beta;
                }
            }
            normalise(w);
            Round round = new Round(tree, error, alpha);
            learnt.add(round);
            log.round(t + 1, round);
        }
        return new TrAdaBoostEnsemble(List.copyOf(learnt), w, beta, classCount);
    }

    /** The paper's β = 1/(1 + √(2 ln n_s / N)), by which a misclassified source row's weight is multiplied; 1 without source rows. */
    static double sourceBeta(int sourceRows, int rounds) {
        return sourceRows == 0 ? 1 : 1 / (1 + Math.sqrt(2 * Math.log(sourceRows) / rounds));
    }

    private static void normalise(double[] w) {
        double sum = Arrays.stream(w).sum();
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
    }

    /** The first of the rounds that vote: ⌈N/2⌉ in the paper's 1-based count, as a 0-based index. */
    static int firstVotingRound(int rounds) {
        return (rounds + 1) / 2 - 1;
    }

    /**
     * The class with the largest sum of α over the voting rounds ({@link #firstVotingRound} to the last) whose tree
     * predicts it; the lowest class index on ties.
     */
    int[] predict(Examples rows) {
        double[][] votes = new double[rows.size()][classCount];
        for (int t = firstVotingRound(rounds.size()); t < rounds.size(); t++) {
            Round round = rounds.get(t);
            int[] predicted = round.tree().predict(rows);
            for (int i = 0; i < predicted.length; i++) {
                votes[i][predicted[i]] += round.alpha();
            }
        }
        int[] classes = new int[rows.size()];
        for (int i = 0; i < classes.length; i++) {
            for (int c = 1; c < classCount; c++) {
                if (votes[i][c] > votes[i][classes[i]]) {
                    classes[i] = c;
                }
            }
        }
        return classes;
    }

    /** Every round, in order. */
    List<Round> rounds() {
        return rounds;
    }

    /** The weights after the last round, summing to 1: the target's rows first, then the source's. */
    double[] weights() {
        return weights.clone();
    }

    /** The factor applied to a misclassified source row's weight in every round. */
    double sourceBeta() {
        return sourceBeta;
    }
}
