package org.transferlab.experiments.report;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of a sample over seeds with its two-sided 95% Student-t confidence interval,
 * mean ± t(0.975, n-1) · s / √n. With one value the interval is undefined (NaN bounds).
 */
public record Interval(int n, double mean, double low, double high) {

    public static Interval of(List<Double> values) {
        SummaryStatistics stats = new SummaryStatistics();
        values.forEach(stats::addValue);
        int n = (int) stats.getN();
        if (n == 0) {
            return new Interval(0, Double.NaN, Double.NaN, Double.NaN);
        }
        if (n == 1) {
            return new Interval(1, stats.getMean(), Double.NaN, Double.NaN);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * stats.getStandardDeviation() / Math.sqrt(n);
        return new Interval(n, stats.getMean(), stats.getMean() - half, stats.getMean() + half);
    }

    /** Half the interval's width, what "mean ± h" writes; NaN when the interval is undefined. */
    public double halfWidth() {
        return (high - low) / 2;
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
