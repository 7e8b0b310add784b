package org.transferlab.transfer.baseline;

import java.util.List;
import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;

/**
 * {@link Pooled} with the source down-weighted ("WEIGHTED" in Daumé III, "Frustratingly Easy Domain
 * Adaptation", ACL 2007), so that a large source does not drown a small target budget. The paper weighs
 * each source example's loss by w ≤ 1; DL4J's minibatch training has no per-example loss weights, so
 * this strategy keeps a seeded random ⌊w·n_s + ½⌋ of the n_s source examples (those Pooled draws, with its
 * seed) and pools them with the budget. The expected loss over the kept examples is the w-weighted loss,
 * the construction used for importance weighting by rejection sampling (Zadrozny, Langford &amp; Abe,
 * ICDM 2003). With w = 1 the training set is Pooled's exactly.
 *
 * <p>The network, label space (the target's classes, then the source's others), early stopping on the
 * budget's validation split, prediction among the target's classes and the scaling of tabular inputs (the
 * statistics of the rows trained on, budget and kept source examples) are Pooled's.
 *
 * <p>Registered as {@code weighted} among the classification strategies.
 */
public final class Weighted extends ClassificationStrategy<Weighted.Parameters> {
    public static final String NAME = "weighted";

    /**
     * @param sourceWeight   w in [0, 1], the share of the source sample kept; 0 (default) means balanced: as many
     *                       source examples as the budget has training examples (w = n_t / n_s), so both domains
     *                       weigh the same in total
     * @param sourceExamples size of the source sample before weighting, 0 for all; this and the training schedule
     *                       ({@code learning-rate}, {@code max-epochs}, {@code patience}, {@code batch-size}) are
     *                       {@code pooled}'s, with its defaults and checks
     */
    public record Parameters(@Default("0") double sourceWeight, @Default("5000") int sourceExamples,
                             @Default("0.001") double learningRate, @Default("20") int maxEpochs,
                             @Default("5") int patience, @Default("64") int batchSize) {
        public Parameters {
            if (!(sourceWeight >= 0 && sourceWeight <= 1)) {
                throw new IllegalArgumentException("source-weight must be in [0, 1] (0: balanced), got " + sourceWeight);
            }
            new Pooled.Parameters(sourceExamples, learningRate, maxEpochs, patience, batchSize);
        }

        Pooled.Parameters pooled() {
            return new Pooled.Parameters(sourceExamples, learningRate, maxEpochs, patience, batchSize);
        }
    }

    public Weighted() {
        super(Weighted.Parameters.class);
    }

    /** It learns from the target and the source's examples alone. */
    @Override
    public boolean usesSourceModel(Weighted.Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        List<String> union = SourcePool.labelSpace(context);
        Examples sample = SourcePool.sample(context, p.sourceExamples(), union);
        Examples kept = kept(sample, p.sourceWeight(), context.budget().train().size(), context.seed());
        Fitted fitted = Pooled.fitScaled(p.pooled(), context, context.budget().train().concat(kept), union, NAME);
        return fitted.withProvenance(NAME + ": kept " + kept.size() + " of " + sample.size()
                + " source examples with " + context.budget().train().size() + " budget examples (source-weight "
                + p.sourceWeight() + (p.sourceWeight() == 0 ? ", balanced" : "") + ")");
    }

    /** The seeded share {@code weight} of {@code sample}; for weight 0, as many examples as the budget has (all if fewer). */
    static Examples kept(Examples sample, double weight, int budgetExamples, long seed) {
        int count = weight == 0 ? Math.min(budgetExamples, sample.size()) : (int) Math.round(weight * sample.size());
        return sample.randomSubset(count, Seeds.derive(seed, NAME, "keep"));
    }
}
