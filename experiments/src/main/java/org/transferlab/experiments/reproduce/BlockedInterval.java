package org.transferlab.experiments.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of paired differences measured in blocks (for example d(split, seed), one per repetition, with
 * the random class split as the block), with a two-sided 95% Student-t interval that treats the blocks as
 * a random sample: the unit of replication is the block, not the repetition.
 *
 * <pre>
 *   m_i  = mean of block i's differences              (i = 1..S)
 *   mean = (1/S) sum_i m_i                            (each block weighs the same)
 *   se   = sd(m_1..m_S) / sqrt(S)                     (sd with S - 1 in the denominator)
 *   mean +/- t(0.975, S - 1) * se,   t = mean / se,   p = 2 P(T_(S-1) &gt; |t|)
 * </pre>
 *
 * <p>Why between-block variation: under d_ij = mu + b_i + e_ij with a random block effect b_i, the block
 * means are independent with variance sigma_b^2 + sigma^2 / n_i, so the t interval on them is exact for
 * normal effects and balanced blocks. Treating the S x n repetitions as independent pairs (df = S n - 1)
 * understates the error whenever blocks differ, because repetitions of one block share its effect;
 * treating the blocks as fixed (a within-block residual variance, df = N - S) is valid only for
 * statements about those very blocks. The price is few degrees of freedom: with 2 blocks, df = 1 and
 * t(0.975, 1) = 12.706, so only a large and consistent difference shows.
 *
 * <p>Fewer than two blocks, or an empty block, leave the interval undefined (NaN bounds and p; the mean is
 * still given when there is one block). When every block has the same mean, se = 0: the interval is that
 * mean alone and p is 0, or NaN when that mean is 0. Instances are immutable values.
 *
 * @param blocks      the number of blocks S
 * @param repetitions the number of differences in all
 * @param blockMeans  m_1..m_S, in the blocks' order
 * @param mean        the mean of the block means
 * @param standardError sd of the block means / sqrt(S)
 * @param df          S - 1
 * @param low         lower end of the 95% interval
 * @param high        upper end of the 95% interval
 * @param p           two-sided p-value of mean = 0
 */
public record BlockedInterval(int blocks, int repetitions, List<Double> blockMeans, double mean, double standardError, int df,
                              double low, double high, double p) {
    public BlockedInterval {
        blockMeans = List.copyOf(blockMeans);
    }

    /** The interval of the differences grouped by block; the map's iteration order is the blocks' order. */
    public static BlockedInterval of(Map<?, List<Double>> differencesByBlock) {
        List<Double> means = new ArrayList<>();
        int repetitions = 0;
        boolean emptyBlock = false;
        for (List<Double> block : differencesByBlock.values()) {
            repetitions += block.size();
            emptyBlock |= block.isEmpty();
            means.add(block.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        }
        int s = means.size();
        double mean = means.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (s < 2 || emptyBlock) {
            return new BlockedInterval(s, repetitions, means, emptyBlock ? Double.NaN : mean, Double.NaN, Math.max(0, s - 1),
                    Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double m : means) {
            squares += (m - mean) * (m - mean);
        }
        double se = Math.sqrt(squares / (s - 1)) / Math.sqrt(s);
        TDistribution t = new TDistribution(s - 1);
        double half = t.inverseCumulativeProbability(0.975) * se;
        double p = se > 0 ? 2 * t.cumulativeProbability(-Math.abs(mean / se)) : mean == 0 ? Double.NaN : 0;
        return new BlockedInterval(s, repetitions, means, mean, se, s - 1, mean - half, mean + half, p);
    }

    public boolean defined() {
        return !Double.isNaN(low);
    }

    /** Entirely above zero. */
    public boolean positive() {
        return defined() && low > 0;
    }

    /** Entirely below zero. */
    public boolean negative() {
        return defined() && high < 0;
    }
}
