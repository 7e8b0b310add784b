package org.transferlab.transfer.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.data.Examples;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.ClassProbabilities;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.EarlyStoppingTrainer;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.TrainingSchedule;

/**
 * What the strategies that train one network on source data and the target budget together share
 * ({@link Pooled}, {@link Weighted}, {@link Augment}; the instance-weighting strategies of
 * {@code org.transferlab.transfer.weighting} use its label space and source sample): the label space (the target's classes, then the
 * source's others), the seeded source sample relabelled into it, training with early stopping on the
 * budget's validation split, and prediction restricted to the target's classes.
 */
public final class SourcePool {
    private SourcePool() {
    }

    /**
     * The pooled label space: the target's classes in their order, then the source's classes the target lacks;
     * not applicable without source data, or without target labels when the source lacks a target class.
     */
    public static List<String> labelSpace(TransferContext context) {
        TransferContext.SourceData source = context.sourceData();
        if (source.train().size() == 0) {
            throw NotApplicableException.noSourceExamples();
        }
        if (context.budget().train().size() == 0 && !source.classNames().containsAll(context.classNames())) {
            throw new NotApplicableException("without target labels, pooling can learn nothing about the target's classes "
                    + "that the source lacks");
        }
        List<String> union = new ArrayList<>(context.classNames());
        context.sourceData().classNames().stream().filter(c -> !union.contains(c)).forEach(union::add);
        return union;
    }

    /**
     * {@code sourceExamples} source examples (0: all) drawn at random, relabelled into {@code union}. The draw
     * is seeded as {@link Pooled}'s, so every strategy built on it sees the same source sample in a cell.
     */
    public static Examples sample(TransferContext context, int sourceExamples, List<String> union) {
        TransferContext.SourceData source = context.sourceData();
        int count = sourceExamples == 0 ? source.train().size() : sourceExamples;
        Examples drawn = source.train().randomSubset(count, Seeds.derive(context.seed(), Pooled.NAME, "sample"));
        int[] classes = drawn.classes();
        for (int i = 0; i < classes.length; i++) {
            classes[i] = union.indexOf(source.classNames().get(classes[i]));
        }
        return Examples.classified(drawn.featureMatrix(), drawn.featureCount(), classes);
    }

    /**
     * {@link #sample}'s source sample in the pooled label space, keeping only the rows of the source's classes that
     * the target also has (their indices are the target's): for the strategies that weight source rows inside the
     * target's own label space (kmm, kliep, tradaboost). Not applicable when the source shares no class with the target.
     */
    public static Examples sampleOfTargetClasses(TransferContext context, int sourceExamples) {
        Examples sample = sample(context, sourceExamples, labelSpace(context));
        int[] shared = java.util.stream.IntStream.range(0, sample.size())
                .filter(i -> sample.classOf(i) < context.classCount()).toArray();
        if (shared.length == 0) {
            throw new NotApplicableException("none of the source's classes " + context.sourceData().classNames()
                    + " is one of the target's " + context.classNames());
        }
        return sample.subset(shared);
    }

    /** Trains {@code network} on {@code train}, stopping early on {@code validation}; seeds and log phase are {@code name}'s. */
    static FitSummary train(MultiLayerNetwork network, TrainingSchedule schedule, Examples train, Examples validation,
                            int classes, TransferContext context, String name) {
        if (train.size() == 0) {
            throw new NotApplicableException("there is nothing to train on: no target labels and no source examples kept");
        }
        return new EarlyStoppingTrainer(schedule).train(network, train, validation, classes,
                Seeds.derive(context.seed(), name, "order"), name, context.log());
    }

    /**
     * Predicts the most probable of the first {@code targetClasses} outputs of {@code network} (the target's
     * classes in a pooled label space), for examples mapped into the network's input by {@code features}; its
     * probabilities are those outputs renormalised over the target's classes.
     */
    static ClassProbabilities restrictedToTarget(MultiLayerNetwork network, int width, int targetClasses,
                                                 UnaryOperator<Examples> features) {
        return new ClassProbabilities() {
            @Override
            public int[] predictClasses(Examples examples) {
                return NetworkOutputs.argMax(NetworkOutputs.probabilities(network, examples, features), width, targetClasses);
            }

            @Override
            public double[][] probabilities(Examples examples) {
                float[] flat = NetworkOutputs.probabilities(network, examples, features);
                double[][] rows = new double[examples.size()][width];
                for (int i = 0; i < rows.length; i++) {
                    for (int c = 0; c < width; c++) {
                        rows[i][c] = flat[i * width + c];
                    }
                }
                return ClassProbabilities.restricted(rows, targetClasses);
            }
        };
    }
}
