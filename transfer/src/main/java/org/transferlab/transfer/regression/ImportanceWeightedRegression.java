package org.transferlab.transfer.regression;

import java.util.Arrays;
import java.util.List;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Instance weighting by density ratios from a domain classifier (Shimodaira, "Improving predictive
 * inference under covariate shift", J. Stat. Planning and Inference 2000; Bickel, Brückner &amp; Scheffer,
 * "Discriminative learning under covariate shift", JMLR 2009). A logistic regression (Tribuo, linear SGD)
 * learns to tell source examples from the target's unlabelled train partition; each source example is
 * weighted by the estimated p_target(x) / p_source(x) = P(target | x) / P(source | x) · n_source / n_target,
 * capped at {@code max-weight}, and a ridge model is fitted on the weighted source plus the target budget
 * (weight 1). Source examples that look like the target count more; those that do not, less. Target
 * labels are not used by the domain classifier.
 *
 * <p>Registered as {@code importance-weighting} among the regression strategies.
 */
public final class ImportanceWeightedRegression extends RegressionStrategy<ImportanceWeightedRegression.Parameters> {
    public static final String NAME = "importance-weighting";
    private static final Label SOURCE = new Label("source");
    private static final Label TARGET = new Label("target");

    static {
        org.transferlab.transfer.TribuoLogging.quiet();
    }

    /**
     * @param l2        ridge penalty of the weighted model (default 1.0)
     * @param maxWeight cap on a source example's weight, against a few examples dominating (default 10)
     * @param epochs    passes of the domain classifier's SGD over its data (default 20)
     */
    public record Parameters(@Default("1.0") double l2, @Default("10") double maxWeight, @Default("20") int epochs) {
        public Parameters {
            RegressionFits.requireNonNegative("l2", l2);
            if (!(maxWeight > 0)) {
                throw new IllegalArgumentException("max-weight must be positive, got " + maxWeight);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
        }
    }

    public ImportanceWeightedRegression() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        Examples source = RegressionFits.source(context);
        Examples unlabelled = context.unlabelledTarget();
        if (unlabelled.size() == 0) {
            throw new IllegalStateException("importance weighting needs the target's unlabelled train partition");
        }
        double[] ratios = densityRatios(source, unlabelled, p, Seeds.derive(context.seed(), NAME, "domain-classifier"));
        double mean = Arrays.stream(ratios).average().orElse(Double.NaN);
        return WeightedSourceRidge.fit(context, source, ratios, p.l2(),
                String.format(java.util.Locale.ROOT, "importance weights of %d source examples: mean %.3f, min %.3f, max %.3f",
                        ratios.length, mean, Arrays.stream(ratios).min().orElse(Double.NaN),
                        Arrays.stream(ratios).max().orElse(Double.NaN)));
    }

    /** p_target(x) / p_source(x) of each source example, estimated by a domain classifier, capped. */
    static double[] densityRatios(Examples source, Examples target, Parameters p, long seed) {
        Standardizer standardizer = Standardizer.fit(source.concat(target));
        Examples zs = standardizer.apply(source);
        Examples zt = standardizer.apply(target);
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("source vs target", new LabelFactory()),
                new LabelFactory());
        List<Example<Label>> sourceExamples = examples(zs, SOURCE);
        data.addAll(sourceExamples);
        data.addAll(examples(zt, TARGET));
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), p.epochs(), seed);
        Model<Label> classifier = trainer.train(data);
        double prior = (double) source.size() / target.size();
        double[] ratios = new double[source.size()];
        for (int i = 0; i < ratios.length; i++) {
            var scores = classifier.predict(sourceExamples.get(i)).getOutputScores();
            double pTarget = Math.min(Math.max(scores.get(TARGET.getLabel()).getScore(), 1e-6), 1 - 1e-6);
            ratios[i] = Math.min(p.maxWeight(), pTarget / (1 - pTarget) * prior);
        }
        return ratios;
    }

    private static List<Example<Label>> examples(Examples z, Label label) {
        return org.transferlab.transfer.TribuoExamples.of(z, row -> label);
    }

}
