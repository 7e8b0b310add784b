package org.transferlab.transfer.alignment;

import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.head.TribuoHead;

/**
 * CORAL, for a target with no labels at all (Sun, Feng &amp; Saenko, "Return of Frustratingly Easy Domain
 * Adaptation", AAAI 2016): the source network embeds source and (unlabelled) target examples, the
 * source embeddings are re-coloured to the target's covariance ({@link CorrelationAlignment}: each
 * domain standardised with its own statistics, lambda added to both correlation matrices, the result in
 * the target's units), and a logistic-regression head (LibLinear, through Tribuo) is trained on the aligned
 * source embeddings with the source labels, then applied to the target's embeddings. It uses no target
 * labels, so it is evaluated at budget 0 like the others at theirs; it applies where source and target
 * share their label space.
 *
 * <p>What CORAL cannot do: it matches means and covariances, and a covariance does not change when the
 * features change sign. On Fashion-MNIST inverted (pixels 1 - x, ten classes), the source MLP's class-mean
 * deviations in the target point against the source's (cosine -0.7 to -0.9 at both hidden layers);
 * aligning the means then puts each target class where the source's opposite side was, the head scores
 * the true class lowest, and CORAL scored 0.1-0.3 % where chance is 10 % (source-only 7-8 %, calling
 * nearly every image "Bag"). Told the sign, the same alignment and head reached 54-62 %. {@code CoralTest}
 * shows the same on a reflected synthetic target.
 *
 * <p>Registered as {@code coral} among the classification strategies.
 */
public final class Coral extends ClassificationStrategy<Coral.Parameters> {
    public static final String NAME = "coral";

    /**
     * @param layer      the hidden layer whose activations are aligned, 0-based; -1 for the last (default)
     * @param lambda     added to the diagonal of both domains' correlation matrices (the covariances of the
     *                   standardised embeddings), so in units of each feature's variance whatever the
     *                   embeddings' scale; the paper's value is 1 (default 1.0; positive; smaller aligns the
     *                   covariances more closely, larger moves the transform toward mean-and-variance matching)
     * @param sampleSize source and target examples used to fit the transform and the head (default 5000; at least 10)
     * @param cost       the logistic head's inverse regularisation strength C (default 1.0; positive)
     */
    public record Parameters(
            @Default("-1") int layer,
            @Default("1.0") double lambda,
            @Default("5000") int sampleSize,
            @Default("1.0") double cost) {
        public Parameters {
            if (layer < -1 || !(lambda > 0) || sampleSize < 10 || !(cost > 0)) {
                throw new IllegalArgumentException("layer must be >= -1, lambda and cost positive, sample-size at least 10");
            }
        }
    }

    public Coral() {
        super(Coral.Parameters.class);
    }

    /** Fitted on source labels and the unlabelled target: no target label is read. */
    @Override
    public boolean usesTargetLabels() {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        TransferContext.SourceData source = context.sourceData();
        if (source.train().size() == 0) {
            throw NotApplicableException.noSourceExamples();
        }
        if (!source.classNames().equals(context.classNames())) {
            throw new NotApplicableException("coral needs the source's label space, " + source.classNames()
                    + ", to be the target's, " + context.classNames());
        }
        SourceModel model = context.sourceModel();
        int layer = p.layer() < 0 ? model.lastHiddenLayer() : p.layer();
        long seed = Seeds.derive(context.seed(), NAME);
        Examples sourceSample = source.train().randomSubset(p.sampleSize(), seed);
        Examples targetSample = context.unlabelledTarget().randomSubset(p.sampleSize(), seed + 1);
        Examples sourceEmbedded = TransferContext.embedded(model, sourceSample, layer);
        Examples targetEmbedded = TransferContext.embedded(model, targetSample, layer);
        CorrelationAlignment alignment = CorrelationAlignment.fit(sourceEmbedded.featureMatrix(), targetEmbedded.featureMatrix(),
                sourceEmbedded.featureCount(), p.lambda());
        Examples aligned = Examples.classified(alignment.apply(sourceEmbedded.featureMatrix()), sourceEmbedded.featureCount(),
                sourceEmbedded.classes());
        TribuoHead.Head head = TribuoHead.train(aligned, context.classNames(), new TribuoHead.Parameters(
                TribuoHead.Classifier.LOGISTIC, layer, p.cost(), 1, 1), seed, "CORAL-aligned source embeddings");
        double validation = context.budget().validation().size() == 0 ? Double.NaN
                : head.accuracy(TransferContext.embedded(model, context.budget().validation(), layer));
        context.log().epoch(NAME, 1, Double.NaN, head.accuracy(aligned), Double.NaN, validation);
        return Fitted.classes(examples -> head.predict(TransferContext.embedded(model, examples, layer)),
                new FitSummary(1, 1, Double.NaN, Double.NaN, Double.NaN, validation), head.provenance());
    }
}
