package org.transferlab.transfer.adaptation;

import java.util.List;
import org.transferlab.core.data.Examples;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.baseline.SourcePool;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.SourceModel;

/**
 * What every strategy of this package does around its own loss: gather the cell's data (the label space and source
 * sample of {@code pooled}, the unlabelled target, the budget), build the {@link AdaptationModel} from the source
 * model, train it with {@link AdaptationTrainer} and hand back the fitted model.
 *
 * <p>The label space is {@code pooled}'s: the target's classes, then the source's others; the source sample is
 * {@code pooled}'s too, drawn with the same seed, so these methods and {@code pooled} see the same source examples
 * in a cell. Without a budget the target's classes must be the source's (unsupervised adaptation); otherwise the
 * method is not applicable. Validation is on the budget's validation split, or, without one, on a held-out tenth
 * of the source sample.
 */
final class JointTraining {
    private JointTraining() {
    }

    /**
     * Fits the cell with the method whose term {@code loss} makes, per fit, from the model (whose feature width it may
     * need) and a seed of its own; {@code readsDomains} false for a fine-tuning regulariser, which trains on the
     * budget alone.
     */
    static Fitted fit(TransferContext context, AdaptationSchedule schedule, boolean readsDomains,
                      java.util.function.BiFunction<AdaptationModel, Long, AdaptationLoss> loss, String name) {
        SourceModel source = context.sourceModel();
        Examples budget = context.budget().train();
        List<String> labels = context.classNames();
        Examples sample = Examples.classified(new float[0], budget.featureCount(), new int[0]);
        Examples target = sample;
        if (readsDomains) {
            labels = SourcePool.labelSpace(context);
            sample = SourcePool.sample(context, schedule.sourceExamples(), labels);
            Examples unlabelled = context.unlabelledTarget();
            if (unlabelled.size() == 0) {
                throw new NotApplicableException("it needs the target's unlabelled train partition, and there is none");
            }
            int count = schedule.sourceExamples() == 0 ? unlabelled.size() : Math.min(unlabelled.size(), schedule.sourceExamples());
            target = unlabelled.randomSubset(count, Seeds.derive(context.seed(), name, "target"));
        } else if (budget.size() == 0) {
            throw new NotApplicableException("it fine-tunes on target labels, and the budget has none");
        }
        Examples validation = context.budget().validation();
        boolean onTarget = validation.size() > 0;
        if (!onTarget && sample.size() > 1) {
            int held = Math.max(1, sample.size() / 10);
            validation = sample.subset(java.util.stream.IntStream.range(0, held).toArray());
            sample = sample.subset(java.util.stream.IntStream.range(held, sample.size()).toArray());
        } else if (!onTarget) {
            validation = budget;
            onTarget = true;
        }
        AdaptationModel model = AdaptationModel.on(source, labels, context.classCount(), schedule.learningRate(),
                Seeds.derive(context.seed(), name, "init"));
        AdaptationTrainer.Data data = new AdaptationTrainer.Data(model.scaling.apply(sample), model.scaling.apply(budget),
                model.scaling.apply(validation), model.scaling.apply(target), context.classCount(), onTarget);
        AdaptationLoss term = loss.apply(model, Seeds.derive(context.seed(), name, "loss"));
        FitSummary summary = new AdaptationTrainer(schedule).train(model, data, term, Seeds.derive(context.seed(), name, "order"),
                name, context.log());
        return Fitted.classes(model, summary, name + ": " + sample.size() + " source, " + budget.size() + " budget and "
                + target.size() + " unlabelled target examples; validated on "
                + (onTarget ? validation.size() + " target" : validation.size() + " held-out source") + " examples");
    }
}
