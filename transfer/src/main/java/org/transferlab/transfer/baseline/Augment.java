package org.transferlab.transfer.baseline;

import java.util.List;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.InputScaling;

/**
 * Feature augmentation ("AUGMENT" in Daumé III, "Frustratingly Easy Domain Adaptation", ACL 2007): each
 * source example x becomes (x, x, 0) and each target example (x, 0, x), a shared copy and a domain-specific
 * copy of every feature, and one network is trained from scratch on the source sample and the budget
 * together in the 3d-wide space; target examples are predicted as (x, 0, x). The first layer's weights on
 * the shared copy carry what the domains have in common, those on the target copy where the target differs:
 * for a first layer W = (W_0, W_s, W_t) it computes (W_0 + W_s)x on the source and (W_0 + W_t)x on the target.
 *
 * <p>For an MLP the input is the flat vector of 3d values. For a CNN the three copies are stacked as channels
 * (an image of 3c channels, same height and width), so the first convolution has shared, source and target
 * filters; the flat row-major layout is the same concatenation in both cases. Everything else is
 * {@link Pooled}'s: its parameters, the seeded source sample, the label space (the target's classes, then the
 * source's others), early stopping on the budget's validation split, prediction among the target's classes.
 * Without target labels the target copy's weights would be left at their random initialisation (where a
 * ridge model's would be 0), so a budget with no training examples is not applicable.
 *
 * <p>Tabular features are standardised with the statistics of the pooled raw rows before they are copied, so
 * the zero copies stay zero ({@link InputScaling}). {@code model: logistic} trains Daumé's own setting, a
 * linear classifier on the augmented features ({@link ClassifierModel}); compare it with
 * {@code target-only@logistic}.
 *
 * <p>Registered as {@code augment} among the classification strategies.
 */
public final class Augment extends ClassificationStrategy<Pooled.Parameters> {
    public static final String NAME = "augment";

    public Augment() {
        super(Pooled.Parameters.class);
    }

    /** It learns from the target and the source's examples alone. */
    @Override
    public boolean usesSourceModel(Pooled.Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Pooled.Parameters p, TransferContext context) {
        if (context.budget().train().size() == 0) {
            throw new NotApplicableException("the target copy of the features is learnt from target labels, and the budget has none");
        }
        List<String> union = SourcePool.labelSpace(context);
        Examples sample = SourcePool.sample(context, p.sourceExamples(), union);
        // Scaled before widening, so the copies that stand for "not this domain" stay exactly 0.
        InputScaling scaling = InputScaling.forTraining(context.shape(), context.budget().train().concat(sample));
        Examples source = augmented(scaling.apply(sample), true);
        Examples train = augmented(scaling.apply(context.budget().train()), false).concat(source);
        return Pooled.fit(p, context, augmented(context.shape()), scaling, examples -> augmented(examples, false), train, union,
                NAME);
    }

    /** The input shape of augmented examples: three times the channels of an image, three times a flat vector. */
    static FeatureShape augmented(FeatureShape shape) {
        return shape.isImage() ? FeatureShape.image(3 * shape.channels(), shape.height(), shape.width())
                : FeatureShape.flat(3 * shape.size());
    }

    /** Each row x as (x, x, 0) for source examples, (x, 0, x) for target examples; the targets are kept. */
    static Examples augmented(Examples examples, boolean source) {
        int d = examples.featureCount();
        float[] x = examples.featureMatrix();
        float[] wide = new float[3 * x.length];
        for (int i = 0; i < examples.size(); i++) {
            System.arraycopy(x, i * d, wide, 3 * i * d, d);
            System.arraycopy(x, i * d, wide, 3 * i * d + (source ? d : 2 * d), d);
        }
        return Features.replaced(examples, wide, 3 * d);
    }
}
