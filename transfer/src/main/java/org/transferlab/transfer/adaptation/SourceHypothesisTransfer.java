package org.transferlab.transfer.adaptation;

import java.util.ArrayList;
import java.util.List;
import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.SourceModel;

/**
 * SHOT, source hypothesis transfer (Liang, Hu &amp; Feng, "Do We Really Need to Access the Source Data? Source
 * Hypothesis Transfer for Unsupervised Domain Adaptation", ICML 2020): source-free adaptation, which never reads the
 * source data, only the source network. Its feature extractor (the layers up to the last hidden one) is trained on
 * the unlabelled target while its classifier, the source hypothesis, stays frozen, so the target's features are
 * moved to fit the source's decision boundaries. Loss on the unlabelled target:
 * L_IM + β · CE(pseudo-labels), L_IM = mean per-example entropy - entropy of the batch's mean prediction
 * ({@link InformationMaximisation}), the pseudo-labels the nearest of the softmax-weighted feature centroids in
 * cosine distance with one refinement round, recomputed over the whole target sample at the start of each epoch
 * ({@link CentroidPseudoLabels}); plus CE on the budget when there is one. Training is {@link SourceFreeTrainer}'s:
 * with a budget validation split it stops early on its loss; without one it runs {@code max-epochs} epochs and keeps
 * the last, as there is no labelled target data to validate on and the source data must not be used.
 *
 * <p>It is closed-set: every target class must be one of the source network's classes (not applicable otherwise,
 * since the frozen head cannot predict a class it has no output for, nor without a source softmax head with named
 * classes). The head scores all the source's classes, the target's first; the prediction is the most probable of
 * the target's. Differences from the paper: the features are the source network's last hidden layer (the paper adds
 * a bottleneck with batch normalisation and trains the source with label smoothing, neither of which a given source
 * network has); Adam at a fixed learning rate instead of SGD with momentum; the exact logarithms rather than the
 * code's 1e-5 inside them.
 *
 * <p>Registered as {@code shot} among the classification strategies.
 */
public final class SourceHypothesisTransfer extends ClassificationStrategy<SourceHypothesisTransfer.Parameters> {
    public static final String NAME = "shot";

    /**
     * @param beta           weight β of the pseudo-labels' cross-entropy (default 0.3, the paper's; non-negative)
     * @param learningRate   Adam learning rate of the feature extractor (default 0.001)
     * @param maxEpochs      epochs without a validation split, their upper bound with one (default 15, the paper's)
     * @param patience       epochs without a lower validation loss before stopping, with a validation split (default 5)
     * @param batchSize      rows drawn from each of the unlabelled target and the budget per step (default 32)
     * @param targetExamples unlabelled target examples sampled, 0 for all (default 2000)
     */
    public record Parameters(@Default("0.3") double beta, @Default("0.001") double learningRate,
                             @Default("15") int maxEpochs, @Default("5") int patience, @Default("32") int batchSize,
                             @Default("2000") int targetExamples) {
        public Parameters {
            Weights.requireNonNegative("beta", beta);
            if (targetExamples < 0) {
                throw new IllegalArgumentException("target-examples must be 0 (all) or positive, got " + targetExamples);
            }
            schedule(learningRate, maxEpochs, patience, batchSize);
        }
    }

    private static AdaptationSchedule schedule(double learningRate, int maxEpochs, int patience, int batchSize) {
        return DomainAdversarial.schedule(learningRate, maxEpochs, patience, batchSize, 0);
    }

    public SourceHypothesisTransfer() {
        super(Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        SourceModel source = context.sourceModel();
        List<String> missing = context.classNames().stream().filter(c -> !source.classNames().contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new NotApplicableException("it adapts the source network's frozen classifier, which has no output for the "
                    + "target's classes " + missing + " (SHOT is closed-set: the target's classes must be the source's)");
        }
        Examples unlabelled = context.unlabelledTarget();
        if (unlabelled.size() == 0) {
            throw new NotApplicableException("it needs the target's unlabelled train partition, and there is none");
        }
        List<String> labels = new ArrayList<>(context.classNames());
        source.classNames().stream().filter(c -> !labels.contains(c)).forEach(labels::add);
        int count = p.targetExamples() == 0 ? unlabelled.size() : Math.min(unlabelled.size(), p.targetExamples());
        Examples target = unlabelled.randomSubset(count, Seeds.derive(context.seed(), NAME, "target"));
        AdaptationModel model = AdaptationModel.onSourceHead(source, labels, context.classCount(), p.learningRate(),
                Seeds.derive(context.seed(), NAME, "init"));
        Examples validation = context.budget().validation();
        SourceFreeTrainer.Data data = new SourceFreeTrainer.Data(model.scaling.apply(target),
                model.scaling.apply(context.budget().train()), model.scaling.apply(validation), context.classCount());
        FitSummary summary = new SourceFreeTrainer(schedule(p.learningRate(), p.maxEpochs(), p.patience(), p.batchSize()),
                p.beta()).train(model, data, Seeds.derive(context.seed(), NAME, "order"), NAME, context.log());
        return Fitted.classes(model, summary, NAME + ": " + target.size() + " unlabelled target and "
                + context.budget().train().size() + " budget examples, no source data; "
                + (validation.size() > 0 ? "validated on " + validation.size() + " target examples"
                : p.maxEpochs() + " epochs, no validation split"));
    }
}
