package org.transferlab.transfer.weighting;

import java.util.Arrays;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.baseline.SourcePool;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.regression.WeightedSourceRidge;

/**
 * What the weighting strategies share: a seeded sample of the source and of the target's unlabelled train partition,
 * both standardised by their pooled statistics before the kernel, the weights of the source sample, and the weighted
 * model (a linear classifier, or ridge regression) on the weighted source sample and the budget at weight 1.
 */
final class WeightedFits {
    private WeightedFits() {
    }

    /** Sample sizes, checked alike for every weighting strategy. */
    static void requireSamples(int sourceExamples, int targetExamples) {
        if (sourceExamples < 1) {
            throw new IllegalArgumentException("source-examples must be at least 1, got " + sourceExamples);
        }
        if (targetExamples < 1) {
            throw new IllegalArgumentException("target-examples must be at least 1, got " + targetExamples);
        }
    }

    /** The ridge penalty of the regression strategies. */
    static void requireL2(double l2) {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be a finite number ≥ 0, got " + l2);
        }
    }

    /**
     * The source sample of the target's classes ({@link SourcePool#sampleOfTargetClasses}), weighted; a linear classifier on them and the budget.
     */
    static Fitted classification(TransferContext context, String name, int sourceExamples, int targetExamples,
                                 SourceWeighting weighting, WeightedLinearClassifier.Settings settings) {
        Examples source = SourcePool.sampleOfTargetClasses(context, sourceExamples);
        SourceWeighting.Result weights = weigh(context, name, source, targetExamples, weighting);
        Examples budget = context.budget().train();
        Examples train = budget.concat(source);
        double[] all = new double[train.size()];
        Arrays.fill(all, 0, budget.size(), 1.0);
        System.arraycopy(weights.weights(), 0, all, budget.size(), source.size());
        Standardizer scale = Standardizer.fit(train);
        WeightedLinearClassifier classifier = WeightedLinearClassifier.train(scale.apply(train), all, context.classNames(),
                settings, Seeds.derive(context.seed(), name, "classifier"));
        double trainAccuracy = classifier.accuracy(scale.apply(train));
        double validationAccuracy = classifier.accuracy(scale.apply(context.budget().validation()));
        context.log().epoch(name, 1, Double.NaN, trainAccuracy, Double.NaN, validationAccuracy);
        return Fitted.classes(examples -> classifier.predict(scale.apply(examples)),
                new FitSummary(1, 1, Double.NaN, trainAccuracy, Double.NaN, validationAccuracy),
                weights.description() + "\n" + classifier.provenance());
    }

    /** The seeded source sample, weighted; ridge regression with penalty {@code l2} on it and the budget. */
    static Fitted regression(TransferContext context, String name, int sourceExamples, int targetExamples,
                             SourceWeighting weighting, double l2) {
        Examples source = WeightedSourceRidge.source(context).randomSubset(sourceExamples,
                Seeds.derive(context.seed(), name, "source-sample"));
        SourceWeighting.Result weights = weigh(context, name, source, targetExamples, weighting);
        return WeightedSourceRidge.fit(context, source, weights.weights(), l2, weights.description());
    }

    /** The weights of {@code source} against a seeded sample of the unlabelled target, on standardised features. */
    static SourceWeighting.Result weigh(TransferContext context, String name, Examples source, int targetExamples,
                                        SourceWeighting weighting) {
        Examples unlabelled = context.unlabelledTarget();
        if (unlabelled.size() == 0) {
            throw new NotApplicableException(name + " needs the target's unlabelled train partition, and it is empty");
        }
        Examples target = unlabelled.randomSubset(targetExamples, Seeds.derive(context.seed(), name, "target-sample"));
        return weighRows(source, target, weighting, Seeds.derive(context.seed(), name, "weights"));
    }

    /** The weights of {@code source}'s rows against {@code target}'s, after standardising both by their pooled statistics. */
    static SourceWeighting.Result weighRows(Examples source, Examples target, SourceWeighting weighting, long seed) {
        float[] both = Arrays.copyOf(source.featureMatrix(), (source.size() + target.size()) * source.featureCount());
        System.arraycopy(target.featureMatrix(), 0, both, source.size() * source.featureCount(),
                target.size() * target.featureCount());
        Standardizer scale = Standardizer.fit(Examples.classified(both, source.featureCount(),
                new int[source.size() + target.size()]));
        SourceWeighting.Result result = weighting.weigh(rows(scale.apply(source)), rows(scale.apply(target)), seed);
        if (result.weights().length != source.size()) {
            throw new IllegalStateException(result.weights().length + " weights for " + source.size() + " source rows");
        }
        return result;
    }

    /** The features of each row. */
    static double[][] rows(Examples examples) {
        return examples.featureRows();
    }
}
