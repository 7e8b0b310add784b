package org.transferlab.transfer.baseline;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.FitSummary;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.network.Batches;
import org.transferlab.transfer.network.EarlyStoppingTrainer;
import org.transferlab.transfer.network.NetworkFactory;
import org.transferlab.transfer.network.TrainingSchedule;

/**
 * Source data and the target budget trained together, from scratch, in one network ("ALL" in Daumé
 * III, "Frustratingly Easy Domain Adaptation", ACL 2007). The label space is the union of the target's
 * classes and the source's other classes; predictions are restricted to the target's classes. Early
 * stopping uses the target budget's validation split only. With {@code source-examples} the source
 * data is subsampled (seeded) to keep a cell's cost bounded.
 */
public final class Pooled extends ClassificationStrategy<Pooled.Parameters> {
    public static final String NAME = "pooled";

    /**
     * @param sourceExamples how many source examples join the budget, drawn at random; 0 for all (default 5000)
     * @param learningRate   Adam learning rate (default 0.001, the source network's)
     * @param maxEpochs      upper bound on epochs (default 20)
     * @param patience       epochs without a lower validation loss before stopping (default 5)
     * @param batchSize      minibatch size (default 64)
     */
    public record Parameters(
            @Default("5000") int sourceExamples,
            @Default("0.001") double learningRate,
            @Default("20") int maxEpochs,
            @Default("5") int patience,
            @Default("64") int batchSize) {
        public Parameters {
            if (sourceExamples < 0) {
                throw new IllegalArgumentException("source-examples must be 0 (all) or positive, got " + sourceExamples);
            }
            new TrainingSchedule(learningRate, maxEpochs, patience, batchSize);
        }
    }

    public Pooled() {
        super(Pooled.Parameters.class);
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        TransferContext.SourceData source = context.sourceData();
        if (source.train().size() == 0) {
            throw new NotApplicableException("no source data was given to this cell");
        }
        if (context.budget().train().size() == 0 && !source.classNames().containsAll(context.classNames())) {
            throw new NotApplicableException("without target labels, pooling can learn nothing about the target's classes "
                    + "that the source lacks");
        }
        List<String> union = new ArrayList<>(context.classNames());
        source.classNames().stream().filter(c -> !union.contains(c)).forEach(union::add);
        int count = p.sourceExamples() == 0 ? source.train().size() : p.sourceExamples();
        Examples sourceExamples = relabel(source.train().randomSubset(count, Seeds.derive(context.seed(), NAME, "sample")),
                source.classNames(), union);
        Examples train = context.budget().train().concat(sourceExamples);
        int targetClasses = context.classCount();
        MultiLayerNetwork network = NetworkFactory.classifier(context.network(), context.shape(), union.size(), p.learningRate(),
                Seeds.derive(context.seed(), NAME, "init"));
        FitSummary summary = new EarlyStoppingTrainer(new TrainingSchedule(p.learningRate(), p.maxEpochs(), p.patience(),
                p.batchSize())).train(network, train, context.budget().validation(), union.size(),
                Seeds.derive(context.seed(), NAME, "order"), NAME, context.log());
        return new Fitted(examples -> {
            int[] predicted = new int[examples.size()];
            for (int start = 0; start < examples.size(); start += 1024) {
                int[] rows = java.util.stream.IntStream.range(start, Math.min(examples.size(), start + 1024)).toArray();
                INDArray scores = network.output(Batches.features(examples.subset(rows)), false);
                INDArray targetScores = scores.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, targetClasses)).argMax(1);
                for (int i = 0; i < rows.length; i++) {
                    predicted[start + i] = targetScores.getInt(i);
                }
            }
            return predicted;
        }, summary);
    }
    private static Examples relabel(Examples examples, List<String> from, List<String> to) {
        int[] classes = examples.classes();
        for (int i = 0; i < classes.length; i++) {
            classes[i] = to.indexOf(from.get(classes[i]));
        }
        return Examples.classified(examples.featureMatrix(), examples.featureCount(), classes);
    }
}
