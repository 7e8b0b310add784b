package org.transferlab.transfer.boosting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.transferlab.core.data.Examples;

/**
 * AdaBoost.R2 (Drucker, "Improving Regressors using Boosting Techniques", ICML 1997) with the source rows' weights
 * frozen: stage 2 of two-stage TrAdaBoost.R2 ({@link TrAdaBoostR2}), Pardoe &amp; Stone's AdaBoost.R2′. Each round
 * trains a {@link RegressionTree} on the target and source rows with their weights, and measures on the target rows
 * alone: their losses L_i ({@link BoostingLoss}, relative to the largest target error), the error
 * ε = Σ p_i L_i (p the target weights normalised), β = ε / (1 − ε), and the tree's vote ln(1/β). Each target weight is
 * multiplied by β^{1 − L_i}, and the target weights are rescaled to their total before the round, so the source's
 * share of the weight stays as stage 1 left it. Boosting stops, as Drucker's does, at a round with ε ≥ 1/2 (that
 * tree is dropped, unless it is the first, which is then kept alone with vote 1) or with no target error (that tree
 * is kept with the vote of ε = {@value TrAdaBoostEnsemble#MIN_ERROR}). The prediction is the weighted median of the
 * trees' predictions, weighted by their votes.
 */
final class AdaBoostR2 {
    private final List<RegressionTree> trees;
    private final double[] votes;
    private final double[] targetWeights;

    private AdaBoostR2(List<RegressionTree> trees, double[] votes, double[] targetWeights) {
        this.trees = trees;
        this.votes = votes;
        this.targetWeights = targetWeights;
    }

    /**
     * Boosts at most {@code rounds} trees of depth at most {@code maxDepth} on {@code target} (weights
     * {@code targetWeights}) and {@code source} (weights {@code sourceWeights}, never changed).
     */
    static AdaBoostR2 boost(Examples target, double[] targetWeights, Examples source, double[] sourceWeights, int rounds,
                            int maxDepth, BoostingLoss loss) {
        if (target.size() == 0) {
            throw new IllegalArgumentException("AdaBoost.R2 measures each round's error on target rows, and there are none");
        }
        Examples train = target.concat(source);
        int n = target.size();
        double[] w = new double[train.size()];
        System.arraycopy(targetWeights, 0, w, 0, n);
        System.arraycopy(sourceWeights, 0, w, n, source.size());
        double targetTotal = Arrays.stream(targetWeights).sum();
        double[] truth = target.values();
        List<RegressionTree> trees = new ArrayList<>();
        List<Double> votes = new ArrayList<>();
        for (int k = 0; k < rounds; k++) {
            RegressionTree tree = RegressionTree.train(train, w, maxDepth);
            double[] losses = loss.of(truth, tree.predict(target));
            double error = 0;
            for (int i = 0; i < n; i++) {
                error += w[i] / targetTotal * losses[i];
            }
            if (error >= 0.5) {
                if (trees.isEmpty()) {
                    trees.add(tree);
                    votes.add(1.0);
                }
                break;
            }
            double beta = Math.max(error, TrAdaBoostEnsemble.MIN_ERROR) / (1 - Math.max(error, TrAdaBoostEnsemble.MIN_ERROR));
            trees.add(tree);
            votes.add(Math.log(1 / beta));
            if (error <= 0) {
                break;
            }
            double updated = 0;
            for (int i = 0; i < n; i++) {
                w[i] *= Math.pow(beta, 1 - losses[i]);
                updated += w[i];
            }
            for (int i = 0; i < n; i++) {
                w[i] *= targetTotal / updated;
            }
        }
        return new AdaBoostR2(List.copyOf(trees), votes.stream().mapToDouble(Double::doubleValue).toArray(),
                Arrays.copyOf(w, n));
    }

    /** The weighted median of the trees' predictions for each row. */
    double[] predict(Examples rows) {
        double[][] byTree = new double[trees.size()][];
        for (int k = 0; k < byTree.length; k++) {
            byTree[k] = trees.get(k).predict(rows);
        }
        double[] predicted = new double[rows.size()];
        double[] values = new double[byTree.length];
        for (int i = 0; i < predicted.length; i++) {
            for (int k = 0; k < values.length; k++) {
                values[k] = byTree[k][i];
            }
            predicted[i] = weightedMedian(values, votes);
        }
        return predicted;
    }

    /**
     * Drucker's weighted median: the smallest of {@code values} whose own weight and those of the smaller values
     * reach half of all the weight.
     */
    static double weightedMedian(double[] values, double[] weights) {
        if (values.length == 0 || values.length != weights.length) {
            throw new IllegalArgumentException(values.length + " values and " + weights.length + " weights");
        }
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double half = Arrays.stream(weights).sum() / 2;
        double cumulative = 0;
        for (int k : order) {
            cumulative += weights[k];
            if (cumulative >= half) {
                return values[k];
            }
        }
        return values[order[order.length - 1]];
    }

    /** The trees' votes ln(1/β), in order. */
    double[] votes() {
        return votes.clone();
    }

    /** The target rows' weights after the last round. */
    double[] targetWeights() {
        return targetWeights.clone();
    }
}
