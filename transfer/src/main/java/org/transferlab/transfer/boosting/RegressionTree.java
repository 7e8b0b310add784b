package org.transferlab.transfer.boosting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.transferlab.core.data.Examples;

/**
 * The weak learner of {@link TrAdaBoostR2}: a least-squares regression tree (CART, Breiman et al. 1984) on weighted
 * rows, grown greedily to a given depth. Each split is the threshold, halfway between two neighbouring values of one
 * feature, that most lowers the weighted squared error Σ w_i (y_i − ȳ_node)²; a leaf predicts its rows' weighted
 * mean. Rows of weight 0 take no part. Weights are rescaled to mean 1 over the rows that take part, and a child must
 * carry a weight of at least {@value #MIN_CHILD_WEIGHT}, one average row. It draws nothing at random. (Tribuo's own
 * regression tree is not among this build's dependencies.)
 */
final class RegressionTree {
    static final double MIN_CHILD_WEIGHT = 1;

    /** Per node: the feature split on (−1 at a leaf), its threshold, the children's indices, and the leaf's value. */
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;

    private RegressionTree(List<double[]> nodes) {
        int count = nodes.size();
        feature = new int[count];
        threshold = new double[count];
        left = new int[count];
        right = new int[count];
        value = new double[count];
        for (int i = 0; i < count; i++) {
            double[] node = nodes.get(i);
            feature[i] = (int) node[0];
            threshold[i] = node[1];
            left[i] = (int) node[2];
            right[i] = (int) node[3];
            value[i] = node[4];
        }
    }

    /** A tree of depth at most {@code maxDepth} on {@code rows} (real-valued), row i weighted {@code weights[i]}. */
    static RegressionTree train(Examples rows, double[] weights, int maxDepth) {
        if (weights.length != rows.size()) {
            throw new IllegalArgumentException(rows.size() + " rows but " + weights.length + " weights");
        }
        int[] used = java.util.stream.IntStream.range(0, weights.length).filter(i -> weights[i] > 0).toArray();
        if (used.length == 0) {
            throw new IllegalArgumentException("a regression tree needs a row of positive weight");
        }
        double mean = Arrays.stream(used).mapToDouble(i -> weights[i]).sum() / used.length;
        double[] w = new double[weights.length];
        for (int i : used) {
            w[i] = weights[i] / mean;
        }
        List<double[]> nodes = new ArrayList<>();
        new Grower(rows, w, maxDepth, nodes).grow(used, 0);
        return new RegressionTree(nodes);
    }

    /** The predicted value of each row. */
    double[] predict(Examples rows) {
        double[] predicted = new double[rows.size()];
        for (int i = 0; i < predicted.length; i++) {
            int node = 0;
            while (feature[node] >= 0) {
                node = rows.feature(i, feature[node]) <= threshold[node] ? left[node] : right[node];
            }
            predicted[i] = value[node];
        }
        return predicted;
    }

    /** Grows the nodes depth first; each node is {feature, threshold, left, right, value}. */
    private record Grower(Examples rows, double[] w, int maxDepth, List<double[]> nodes) {
        int grow(int[] members, int depth) {
            int index = nodes.size();
            double[] node = {-1, 0, -1, -1, weightedMean(members)};
            nodes.add(node);
            Split best = depth < maxDepth ? bestSplit(members) : null;
            if (best != null) {
                int[] lower = Arrays.stream(members).filter(i -> rows.feature(i, best.feature()) <= best.threshold()).toArray();
                int[] upper = Arrays.stream(members).filter(i -> rows.feature(i, best.feature()) > best.threshold()).toArray();
                node[0] = best.feature();
                node[1] = best.threshold();
                node[2] = grow(lower, depth + 1);
                node[3] = grow(upper, depth + 1);
            }
            return index;
        }

        private double weightedMean(int[] members) {
            double sum = 0;
            double total = 0;
            for (int i : members) {
                sum += w[i] * rows.valueOf(i);
                total += w[i];
            }
            return sum / total;
        }

        /** The split that most lowers the weighted squared error, or null where none does with both children heavy enough. */
        private Split bestSplit(int[] members) {
            double total = 0;
            double sum = 0;
            double squares = 0;
            for (int i : members) {
                double y = rows.valueOf(i);
                total += w[i];
                sum += w[i] * y;
                squares += w[i] * y * y;
            }
            double parentError = squares - sum * sum / total;
            Split best = null;
            double bestError = parentError - 1e-12 * Math.max(1, Math.abs(parentError));
            Integer[] order = Arrays.stream(members).boxed().toArray(Integer[]::new);
            for (int f = 0; f < rows.featureCount(); f++) {
                int column = f;
                Arrays.sort(order, Comparator.comparingDouble(i -> rows.feature(i, column)));
                double leftTotal = 0;
                double leftSum = 0;
                double leftSquares = 0;
                for (int k = 0; k < order.length - 1; k++) {
                    int i = order[k];
                    double y = rows.valueOf(i);
                    leftTotal += w[i];
                    leftSum += w[i] * y;
                    leftSquares += w[i] * y * y;
                    float here = rows.feature(i, column);
                    float next = rows.feature(order[k + 1], column);
                    double rightTotal = total - leftTotal;
                    if (here == next || leftTotal < MIN_CHILD_WEIGHT || rightTotal < MIN_CHILD_WEIGHT) {
                        continue;
                    }
                    double rightSum = sum - leftSum;
                    double error = leftSquares - leftSum * leftSum / leftTotal
                            + (squares - leftSquares) - rightSum * rightSum / rightTotal;
                    if (error < bestError) {
                        bestError = error;
                        best = new Split(column, (here + (double) next) / 2);
                    }
                }
            }
            return best;
        }
    }

    private record Split(int feature, double threshold) {
    }
}
