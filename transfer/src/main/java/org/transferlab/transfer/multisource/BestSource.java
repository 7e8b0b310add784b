package org.transferlab.transfer.multisource;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.network.FineTuning;

/**
 * Best single source: of a pair's several sources, fine-tune each one's source model on the budget
 * ({@code fine-tuning}, with its parameters) and keep the model whose budget validation split has the highest
 * likelihood, Σ log p(y | x); the baseline that a combination of sources has to beat, chosen inside the budget as a
 * researcher without test labels would (source selection by target validation, as in the multi-source comparisons
 * of Zhao et al., "Multi-source Domain Adaptation in the Deep Learning Era", 2020). Likelihood rather than
 * accuracy, since at a few labels per class many sources tie on accuracy. Where the budget is too small for a
 * validation split, its train split judges, as recorded in the provenance. Not applicable to a pair of one source
 * or to a budget without labels.
 *
 * <p>Parameters are {@code fine-tuning}'s (learning rate, epochs, patience, batch size, top layers).
 *
 * <p>Registered as {@code best-source} among the classification strategies.
 */
public final class BestSource extends ClassificationStrategy<FineTuning.Parameters> {
    public static final String NAME = "best-source";

    public BestSource() {
        super(FineTuning.Parameters.class);
    }

    @Override
    public Fitted fit(FineTuning.Parameters p, TransferContext context) {
        List<FineTunedSource> sources = FineTunedSource.all(p, context);
        FineTunedSource best = sources.stream().max(Comparator.comparingDouble(FineTunedSource::logLikelihood)).orElseThrow();
        return best.fitted().withProvenance(NAME + ": kept source " + best.name() + " by the log-likelihood of the budget's "
                + FineTunedSource.judgingSplitName(context.budget()) + " (" + sources.stream()
                .map(s -> s.name() + " " + String.format(Locale.ROOT, "%.3f", s.logLikelihood())).collect(Collectors.joining(", "))
                + ")");
    }
}
