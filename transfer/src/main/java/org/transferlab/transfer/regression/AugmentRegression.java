package org.transferlab.transfer.regression;

import java.util.Arrays;
import java.util.function.Function;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;

/**
 * Feature augmentation (Daumé III, "Frustratingly Easy Domain Adaptation", ACL 2007): each source
 * example becomes (x, x, 0) and each target example (x, 0, x) — a shared copy and a domain-specific copy
 * of every feature, the constant included — and one ridge model is fitted on both domains together. The
 * shared weights carry what the domains have in common; the target copy learns where the target differs.
 * Features are standardised with the pooled training data's statistics; the shared intercept is not
 * penalised.
 *
 * <p>Registered as {@code augment} among the regression strategies.
 */
public final class AugmentRegression extends RegressionStrategy<AugmentRegression.Parameters> {
    public static final String NAME = "augment";

    /** @param l2 ridge penalty on every augmented weight except the shared intercept (default 1.0) */
    public record Parameters(@Default("1.0") double l2) {
        public Parameters {
            RegressionFits.requireNonNegative("l2", l2);
        }
    }

    public AugmentRegression() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        Examples source = RegressionFits.source(context);
        Examples target = RegressionFits.requireTargetLabels(context);
        Standardizer standardizer = Standardizer.fit(source.concat(target));
        int width = 3 * (source.featureCount() + 1);
        double[][] rows = concat(LinearModel.rows(standardizer, z -> augmented(z, true), source),
                LinearModel.rows(standardizer, z -> augmented(z, false), target));
        double[] values = concat(source.values(), target.values());
        double[] penalty = new double[width];
        Arrays.fill(penalty, p.l2());
        penalty[source.featureCount()] = 0;
        double[] coefficients = PenalisedLeastSquares.solve(rows, values, LinearModel.ones(values.length), penalty,
                new double[width]);
        Function<double[], double[]> targetDesign = z -> augmented(z, false);
        return RegressionFits.fitted(new LinearModel(standardizer, targetDesign, coefficients), context.budget());
    }

    /** (z, 1, z, 1, 0, 0) for a source example, (z, 1, 0, 0, z, 1) for a target one. */
    static double[] augmented(double[] z, boolean source) {
        double[] general = LinearModel.withIntercept(z);
        double[] row = new double[3 * general.length];
        System.arraycopy(general, 0, row, 0, general.length);
        System.arraycopy(general, 0, row, (source ? 1 : 2) * general.length, general.length);
        return row;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
