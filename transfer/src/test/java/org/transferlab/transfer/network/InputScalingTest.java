package org.transferlab.transfer.network;

import org.transferlab.transfer.engine.EarlyStoppingTrainer;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;
import org.transferlab.transfer.engine.TrainingSchedule;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.Standardizer;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.fashion.FashionMnistFiles;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.core.loader.fashion.IdxFixtures;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.baseline.Pooled;
import org.transferlab.transfer.baseline.TargetOnly;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * The scaling of network inputs: tabular features are standardised with the statistics of the rows a network
 * trains on (so a column in the thousands no longer stops it from learning), test rows never change them, and
 * images reach the network exactly as loaded.
 */
class InputScalingTest {
    private static final NetworkSpec MLP = new NetworkSpec(NetworkSpec.Type.MLP, List.of(16, 8), List.of(), 2, 32, 0.01, 1);

    private static Domain synthetic(String name, double shift, long sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 10, 600, 300,
                2, 1, shift, 1, 2, sampleSeed), LoadContext.of(Path.of("unused")));
    }

    /** Column 0 of every row as a raw table might have it, in the hundred thousands: x * 1000 + 100000. */
    private static Examples stretched(Examples examples) {
        float[] x = examples.featureMatrix();
        int d = examples.featureCount();
        for (int i = 0; i < examples.size(); i++) {
            x[i * d] = x[i * d] * 1000 + 100_000;
        }
        return Examples.classified(x, d, examples.classes());
    }

    /** {@code domain} with {@code train} and {@code test} as its partitions. */
    private static Domain with(Domain domain, Examples train, Examples test) {
        return new Domain(domain.name(), domain.task(), domain.classNames(), domain.shape(), train,
                new TestPartition(domain.name(), test), Map.of());
    }

    private static Domain stretched(Domain domain) {
        return with(domain, stretched(domain.train()), stretched(domain.test().open()));
    }

    private static TransferContext context(Domain target, Domain source, SourceModel model, long seed) {
        LabelledSplit budget = new BudgetSampler(0.2).draw(target, LabelBudget.perClass(20), seed);
        return new TransferContext(target.name(), target.task(), target.classNames(), target.shape(), budget, MLP,
                () -> model, seed, TrainingLog.NONE).withAdaptationData(
                new TransferContext.SourceData(source.classNames(), source.train()), target.train().withoutLabels());
    }

    private static double accuracy(Fitted fitted, Domain domain) {
        Examples test = domain.test().open();
        int[] predicted = fitted.predictClasses(test);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == test.classOf(i) ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }

    @Test
    void networksLearnATableWithAColumnInTheHundredThousands() {
        // Unscaled, target-only scored 1/3 (chance) on this target for every seed tried.
        Domain source = stretched(synthetic("source", 0, 11));
        Domain target = stretched(synthetic("target", 0.5, 12));
        SourceModel model = SourceTrainer.train(source, MLP, 5, TrainingLog.NONE);
        assertTrue(model.inputScaling().standardises());
        for (long seed = 0; seed < 3; seed++) {
            TransferContext context = context(target, source, model, seed);
            double scratch = accuracy(new TargetOnly().fit(new TargetOnly.Parameters(0.001, 100, 10, 32), context), target);
            double tuned = accuracy(new FineTuning().fit(new FineTuning.Parameters(0.0003, 100, 10, 32, 0), context), target);
            double pooled = accuracy(new Pooled().fit(new Pooled.Parameters(1000, 0.001, 20, 5, 64), context), target);
            for (double accuracy : new double[] {scratch, tuned, pooled}) {
                assertTrue(accuracy > 0.8, "seed " + seed + ": target-only " + scratch + ", fine-tuning " + tuned + ", pooled "
                        + pooled + " (chance 0.33)");
            }
        }
    }

    @Test
    void theStatisticsComeFromTheTrainingRowsAndNotFromTestRows() {
        Domain target = stretched(synthetic("target", 0.5, 12));
        Examples otherTest = Examples.classified(scaledBy(target.test().open(), 7), 10, target.test().open().classes());
        Domain sameTrainOtherTest = with(target, target.train(), otherTest);
        Domain source = stretched(synthetic("source", 0, 11));
        Domain sourceOtherTest = with(source, source.train(), Examples.classified(scaledBy(source.test().open(), 3), 10,
                source.test().open().classes()));

        SourceModel model = SourceTrainer.train(source, MLP, 5, TrainingLog.NONE);
        SourceModel sameSource = SourceTrainer.train(sourceOtherTest, MLP, 5, TrainingLog.NONE);
        assertEquals(model.inputScaling().text(), sameSource.inputScaling().text(), "the source's test rows do not move it");
        assertEquals(540, rowsOf(model.inputScaling()), "the source's training rows: its train partition less the held-out tenth");

        TransferContext context = context(target, source, model, 4);
        NetworkPredictor scratch = FittedNetworks.predictor(new TargetOnly().fit(new TargetOnly.Parameters(0.01, 5, 5, 32), context));
        NetworkPredictor again = FittedNetworks.predictor(new TargetOnly().fit(new TargetOnly.Parameters(0.01, 5, 5, 32),
                context(sameTrainOtherTest, source, model, 4)));
        Standardizer budget = Standardizer.fit(context.budget().train());
        for (int j = 0; j < 10; j++) {
            assertEquals(budget.mean(j), scratch.inputScaling().standardizer().mean(j), "the budget's training rows");
            assertEquals(budget.standardDeviation(j), scratch.inputScaling().standardizer().standardDeviation(j));
        }
        assertEquals(scratch.inputScaling().text(), again.inputScaling().text(), "other test rows, the same scaling");
        NetworkPredictor tuned = FittedNetworks.predictor(new FineTuning().fit(new FineTuning.Parameters(0.01, 5, 5, 32, 0), context));
        assertSame(model.inputScaling(), tuned.inputScaling(), "a network built from the source keeps the source's scaling");
    }

    private static float[] scaledBy(Examples examples, float factor) {
        float[] x = examples.featureMatrix();
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] * factor + 11;
        }
        return x;
    }

    private static int rowsOf(InputScaling scaling) {
        java.util.Properties text = new java.util.Properties();
        try {
            text.load(new java.io.StringReader(scaling.text()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return Integer.parseInt(text.getProperty("rows"));
    }

    @Test
    void imagesReachTheNetworkAsLoaded(@TempDir Path data) throws java.io.IOException {
        IdxFixtures.fashionMnist(data.resolve("fashion-mnist"), 30, 10);
        FashionMnistLoader loader = new FashionMnistLoader(new FashionMnistFiles(List.of(), java.util.Optional.empty(), Map.of()));
        Domain source = loader.load("s", new FashionMnistLoader.Parameters(List.of(0, 1, 2), 0, false, 0, 0, 0, 0,
                TaskType.CLASSIFICATION), LoadContext.of(data));
        Domain target = loader.load("t", new FashionMnistLoader.Parameters(List.of(3, 4), 0, false, 0, 0, 0, 0,
                TaskType.CLASSIFICATION), LoadContext.of(data));
        assertTrue(target.shape().isImage());
        InputScaling scaling = InputScaling.forTraining(target.shape(), target.train());
        assertFalse(scaling.standardises());
        assertSame(target.train(), scaling.apply(target.train()), "the very arrays the loader made");

        SourceModel model = SourceTrainer.train(source, MLP, 5, TrainingLog.NONE);
        assertSame(InputScaling.NONE, model.inputScaling());
        TransferContext context = context(target, source, model, 2);
        Examples test = target.test().open();
        TargetOnly.Parameters p = new TargetOnly.Parameters(0.01, 5, 3, 16);
        int[] strategy = new TargetOnly().fit(p, context).predictClasses(test);

        // What target-only did before scaling existed: the same seeds, the loader's pixels.
        MultiLayerNetwork network = NetworkFactory.classifier(MLP, target.shape(), 2, 0.01,
                Seeds.derive(context.seed(), TargetOnly.NAME, "init"));
        new EarlyStoppingTrainer(new TrainingSchedule(0.01, 5, 3, 16)).train(network, context.budget().train(),
                context.budget().validation(), 2, Seeds.derive(context.seed(), TargetOnly.NAME, "order"), TargetOnly.NAME,
                TrainingLog.NONE);
        assertArrayEquals(new NetworkPredictor(network).predictClasses(test), strategy);
    }

    @Test
    void tabularScalingIsTheStandardizerOfTheRowsAndItsTextReadsBackExactly() {
        Examples rows = stretched(synthetic("t", 0, 3).train());
        InputScaling scaling = InputScaling.forTraining(FeatureShape.flat(10), rows);
        Standardizer expected = Standardizer.fit(rows);
        assertArrayEquals(expected.apply(rows).featureMatrix(), scaling.apply(rows).featureMatrix());
        InputScaling read = InputScaling.parse(scaling.text());
        for (int j = 0; j < 10; j++) {
            assertEquals(expected.mean(j), read.standardizer().mean(j));
            assertEquals(expected.standardDeviation(j), read.standardizer().standardDeviation(j));
        }
        assertEquals(scaling.describe(), read.describe());
        assertSame(InputScaling.NONE, InputScaling.parse(InputScaling.NONE.text()));
    }

    @Test
    void aDamagedTextIsRejectedWithWhatIsWrong() {
        String text = InputScaling.forTraining(FeatureShape.flat(10), synthetic("t", 0, 3).train()).text();
        assertEquals("sd has 9 values, expected 10", assertThrows(IllegalArgumentException.class,
                () -> InputScaling.parse(text.replaceFirst("(sd=[^,]*),", "$1"))).getMessage());
        assertEquals("scaling is 'null', expected standardised or none", assertThrows(IllegalArgumentException.class,
                () -> InputScaling.parse("")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InputScaling.parse(text.replaceFirst("mean=", "mean=x")))
                .getMessage().startsWith("mean value 1 is 'x"));
        assertThrows(IllegalArgumentException.class, () -> InputScaling.parse(text.replaceFirst("sd=", "sd=-")));
    }
}
