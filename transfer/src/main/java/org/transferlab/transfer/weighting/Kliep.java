package org.transferlab.transfer.weighting;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Kullback-Leibler Importance Estimation Procedure (Sugiyama, Nakajima, Kashima, von Bünau &amp; Kawanabe,
 * "Direct Importance Estimation with Model Selection and Its Application to Covariate Shift Adaptation", NeurIPS
 * 2007): the density ratio w(x) = p_target(x) / p_source(x) modelled as w(x) = Σ_l α_l k(x, c_l), Gaussian kernels
 * centred on target points c_l, with α chosen to
 * <pre>
 *   maximise Σ_j log w(x'_j) over the target points   subject to (1/n_s) Σ_i w(x_i) = 1 over the source, α ≥ 0,
 * </pre>
 * by the paper's gradient ascent with projection: a step along the gradient Aᵀ(1 / Aα), then back onto the
 * constraint (α += b(1 − bᵀα)/(bᵀb), α = max(0, α), α /= bᵀα), with step sizes 10³ down to 10⁻³, each kept for up
 * to 100 steps while the log-likelihood rises (as the authors' code does). The kernel width is chosen, when not
 * given, by the paper's likelihood cross-validation: the target points are split into folds, each width fitted on
 * all but one fold and scored by the mean log w of the held-out fold, over the median heuristic's width times
 * 1/4, 1/2, 1, 2 and 4. Unlike the authors' code, a held-out point that is itself a kernel centre is not scored:
 * its own kernel gives it a high likelihood at any narrow width, which biased the choice towards narrow kernels
 * (and spread-out weights even where source and target agree).
 */
final class Kliep {
    private static final double[] STEPS = {1e3, 1e2, 1e1, 1, 1e-1, 1e-2, 1e-3};
    private static final int STEPS_PER_SIZE = 100;
    private static final double[] WIDTH_FACTORS = {0.25, 0.5, 1, 2, 4};

    private Kliep() {
    }

    /**
     * @param centres the most kernel centres, drawn at random from the target points (paper: 100; at least 1)
     * @param width   the kernel width σ on standardised features; 0 to choose it by likelihood cross-validation
     * @param folds   the folds of the likelihood cross-validation (paper: 5; at least 2)
     */
    record Settings(int centres, double width, int folds) {
        Settings {
            if (centres < 1) {
                throw new IllegalArgumentException("centres must be at least 1, got " + centres);
            }
            Kernels.requireWidth(width);
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2, got " + folds);
            }
        }
    }

    /** A fitted ratio w(x) = Σ_l α_l k(x, c_l). */
    record Model(GaussianKernel kernel, double[][] centres, double[] alpha) {
        /** w(x) of each row. */
        double[] ratios(double[][] rows) {
            double[][] k = kernel.between(rows, centres);
            double[] w = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                w[i] = dot(k[i], alpha);
            }
            return w;
        }
    }

    /** The weights of the source rows under a fitted model, with what produced them. */
    record Weights(double[] weights, Model model, boolean crossValidated) {
        String describe() {
            return String.format(java.util.Locale.ROOT, "kliep (%d centres, kernel width %.4g%s): %s", model.centres().length,
                    model.kernel().width(), crossValidated ? " by likelihood cross-validation" : "", Kernels.summary(weights));
        }
    }

    /** w of each row of {@code source}, estimated against {@code target}, both standardised alike; seeded centres and folds. */
    static Weights weights(double[][] source, double[][] target, Settings settings, long seed) {
        if (source.length == 0 || target.length == 0) {
            throw new IllegalArgumentException("KLIEP needs source and target examples, got " + source.length + " and "
                    + target.length);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = shuffled(target.length, random);
        double[][] centres = new double[Math.min(settings.centres(), target.length)][];
        for (int l = 0; l < centres.length; l++) {
            centres[l] = target[order[l]];
        }
        double[][] sourceDistances = GaussianKernel.squaredDistances(source, centres);
        double[][] targetDistances = GaussianKernel.squaredDistances(target, centres);
        boolean crossValidate = settings.width() == 0;
        GaussianKernel kernel = crossValidate
                ? chooseWidth(sourceDistances, targetDistances, settings.folds(), GaussianKernel.medianHeuristic(
                        Kernels.pooled(source, target)).width(), shuffled(target.length, random), centreRows(order, centres.length))
                : new GaussianKernel(settings.width());
        double[][] k = kernel.of(sourceDistances);
        double[] alpha = fit(kernel.of(targetDistances), columnMeans(k));
        Model model = new Model(kernel, centres, alpha);
        double[] w = new double[source.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = dot(k[i], alpha);
        }
        return new Weights(w, model, crossValidate);
    }

    /** The width of the candidates whose held-out mean log-likelihood is highest; the first on ties. */
    private static GaussianKernel chooseWidth(double[][] sourceDistances, double[][] targetDistances, int folds, double median,
                                              int[] order, boolean[] isCentre) {
        int fold = Math.min(folds, targetDistances.length);
        GaussianKernel best = new GaussianKernel(median);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double factor : WIDTH_FACTORS) {
            GaussianKernel kernel = new GaussianKernel(median * factor);
            double[] b = columnMeans(kernel.of(sourceDistances));
            double[][] a = kernel.of(targetDistances);
            double score = 0;
            for (int r = 0; r < fold && fold > 1; r++) {
                double[][] train = rows(a, order, r, fold, false, null);
                double[][] held = rows(a, order, r, fold, true, isCentre);
                if (held.length == 0) {
                    // Every held-out point is a centre (few target points): score them, as the authors' code does.
                    held = rows(a, order, r, fold, true, null);
                }
                try {
                    score += meanLog(held, fit(train, b)) / fold;
                } catch (IllegalStateException tooNarrow) {
                    score = Double.NEGATIVE_INFINITY;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = kernel;
            }
        }
        return best;
    }

    /** Which target rows are kernel centres: the first {@code count} of {@code order}. */
    private static boolean[] centreRows(int[] order, int count) {
        boolean[] centre = new boolean[order.length];
        for (int l = 0; l < count; l++) {
            centre[order[l]] = true;
        }
        return centre;
    }

    /**
     * The rows of {@code a} whose position in {@code order} falls in fold {@code r} (or outside it), leaving out the
     * rows marked in {@code skip} (null: none).
     */
    private static double[][] rows(double[][] a, int[] order, int r, int folds, boolean inFold, boolean[] skip) {
        return java.util.stream.IntStream.range(0, order.length)
                .filter(i -> (i % folds == r) == inFold && (skip == null || !skip[order[i]]))
                .mapToObj(i -> a[order[i]]).toArray(double[][]::new);
    }

    /**
     * α maximising Σ_j log (Aα)_j subject to bᵀα = 1, α ≥ 0: A the kernel between target points and centres, b the
     * source's mean kernel to each centre.
     */
    static double[] fit(double[][] a, double[] b) {
        double[] alpha = new double[b.length];
        Arrays.fill(alpha, 1);
        alpha = feasible(alpha, b);
        double score = meanLog(a, alpha);
        for (double step : STEPS) {
            for (int i = 0; i < STEPS_PER_SIZE; i++) {
                double[] next = alpha.clone();
                double[] gradient = gradient(a, alpha);
                for (int l = 0; l < next.length; l++) {
                    next[l] += step * gradient[l];
                }
                next = feasible(next, b);
                double nextScore = meanLog(a, next);
                if (!(nextScore > score)) {
                    break;
                }
                alpha = next;
                score = nextScore;
            }
        }
        return alpha;
    }

    /** The paper's projection onto bᵀα = 1, α ≥ 0: along b onto the plane, clipped, rescaled. */
    private static double[] feasible(double[] alpha, double[] b) {
        double bb = dot(b, b);
        double[] out = alpha.clone();
        if (bb > 0) {
            double shift = (1 - dot(b, out)) / bb;
            for (int l = 0; l < out.length; l++) {
                out[l] = Math.max(0, out[l] + shift * b[l]);
            }
        }
        double scale = dot(b, out);
        if (!(scale > 0)) {
            // No centre is near any source point: the constraint cannot be met, the kernel is too narrow.
            throw new IllegalStateException("KLIEP: the source has no mass near any kernel centre; use a larger width");
        }
        for (int l = 0; l < out.length; l++) {
            out[l] /= scale;
        }
        return out;
    }

    /** Aᵀ(1 / Aα). */
    private static double[] gradient(double[][] a, double[] alpha) {
        double[] g = new double[alpha.length];
        for (double[] row : a) {
            double w = dot(row, alpha);
            if (w > 0) {
                for (int l = 0; l < g.length; l++) {
                    g[l] += row[l] / w;
                }
            }
        }
        return g;
    }

    /** The mean of log (Aα)_j; −∞ when some point gets no weight. */
    static double meanLog(double[][] a, double[] alpha) {
        double sum = 0;
        for (double[] row : a) {
            double w = dot(row, alpha);
            if (!(w > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            sum += Math.log(w);
        }
        return a.length == 0 ? 0 : sum / a.length;
    }

    private static double[] columnMeans(double[][] k) {
        double[] mean = new double[k[0].length];
        for (double[] row : k) {
            for (int l = 0; l < mean.length; l++) {
                mean[l] += row[l] / k.length;
            }
        }
        return mean;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
