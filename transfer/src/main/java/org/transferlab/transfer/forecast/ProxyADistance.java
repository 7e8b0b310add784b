package org.transferlab.transfer.forecast;

import java.util.List;
import java.util.SplittableRandom;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.head.TribuoHead;

/**
 * The proxy A-distance between the source's and the target's train partitions in the source model's representation
 * (Ben-David, Blitzer, Crammer and Pereira, "Analysis of Representations for Domain Adaptation", NeurIPS 2007): a
 * linear domain classifier (L2-regularised logistic regression, Tribuo's LibLinear, C = 1) is trained on half of each
 * sample, labelled by domain, and its error ε on the other half gives {@code PAD = 2 (1 − 2 ε)}, between 0 (the
 * domains cannot be told apart) and 2 (they are separable). The samples are cut to the same size first, so that
 * guessing the larger domain cannot score. Reads no labels. Lower means closer domains. No parameters.
 *
 * <p>Forecast: transfer helps when PAD &lt; 1, that is when the domain classifier errs on more than a quarter of the
 * held-out examples. Registered as {@code proxy-a-distance}.
 */
public final class ProxyADistance extends DomainDistance {
    public static final String NAME = "proxy-a-distance";
    private static final double THRESHOLD = 1.0;

    @Override
    public String description() {
        return "proxy A-distance: 2(1 - 2 err) of a linear source-vs-target classifier (Ben-David et al., NeurIPS 2007)";
    }

    @Override
    protected double distance(double[][] source, double[][] target, long seed) {
        return estimate(source, target, seed);
    }

    @Override
    protected double threshold(double[][] source, double[][] target) {
        return THRESHOLD;
    }

    @Override
    protected String rule() {
        return "PAD below 1 (domain classifier error above 25%)";
    }

    @Override
    protected int leastExamples() {
        return 4;
    }

    /** The proxy A-distance of two samples (one row per example); {@code seed} draws the halves. */
    public static double estimate(double[][] source, double[][] target, long seed) {
        int each = Math.min(source.length, target.length);
        SplittableRandom random = new SplittableRandom(seed);
        int[] s = shuffled(source.length, random);
        int[] t = shuffled(target.length, random);
        int half = each / 2;
        int width = source[0].length;
        Examples train = domains(source, target, s, t, 0, half, width);
        Examples test = domains(source, target, s, t, half, each, width);
        TribuoHead.Head classifier = TribuoHead.train(train, List.of("source", "target"),
                new TribuoHead.Parameters(TribuoHead.Classifier.LOGISTIC, -1, 1.0, 20, 50), random.nextLong(),
                "proxy A-distance domain classifier");
        double error = 1 - classifier.accuracy(test);
        return Math.max(0, 2 * (1 - 2 * error));
    }

    /** Rows {@code from .. to} of each shuffled order, source labelled 0 and target 1. */
    private static Examples domains(double[][] source, double[][] target, int[] s, int[] t, int from, int to, int width) {
        int count = 2 * (to - from);
        float[] x = new float[count * width];
        int[] y = new int[count];
        int row = 0;
        for (int i = from; i < to; i++) {
            copy(source[s[i]], x, row * width);
            y[row++] = 0;
            copy(target[t[i]], x, row * width);
            y[row++] = 1;
        }
        return Examples.classified(x, width, y);
    }

    private static void copy(double[] values, float[] into, int offset) {
        for (int j = 0; j < values.length; j++) {
            into[offset + j] = (float) values[j];
        }
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
