package org.transferlab.transfer.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.seed.Seeds;

/**
 * Trains a source network on a source domain's train partition for the spec's epochs. A tenth of the
 * partition is held out (seeded, stratified) to report the source model's own validation accuracy;
 * the source's test partition is never opened. Inputs are scaled by {@link InputScaling#forTraining} with
 * the statistics of the rows trained on (not the held-out tenth), and the model keeps that scaling.
 */
public final class SourceTrainer {
    private static final double HELD_OUT = 0.1;

    private SourceTrainer() {
    }

    public static SourceModel train(Domain source, NetworkSpec spec, long seed, TrainingLog log) {
        int classes = source.classCount();
        LabelledSplit split = new BudgetSampler(HELD_OUT)
                .draw(source, LabelBudget.total(source.train().size()), Seeds.derive(seed, "source-holdout"));
        InputScaling scaling = InputScaling.forTraining(source.shape(), split.train());
        Examples train = scaling.apply(split.train());
        Examples validation = scaling.apply(split.validation());
        MultiLayerNetwork network = NetworkFactory.classifier(spec, source.shape(), classes, spec.learningRate(),
                Seeds.derive(seed, "source-init"));
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "source-order"));
        DataSet held = Batches.dataSet(validation, classes);
        double validationAccuracy = Double.NaN;
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            double lossSum = 0;
            int batches = 0;
            for (DataSet batch : Batches.shuffled(train, classes, spec.batchSize(), random)) {
                network.fit(batch);
                lossSum += network.score();
                batches++;
            }
            validationAccuracy = NetworkEvaluation.accuracy(network, validation);
            log.epoch("source", epoch, lossSum / batches, Double.NaN, network.score(held, false), validationAccuracy);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("source_val_accuracy", validationAccuracy);
        return new SourceModel(network, spec, source.classNames(), seed, metrics, scaling);
    }
}
