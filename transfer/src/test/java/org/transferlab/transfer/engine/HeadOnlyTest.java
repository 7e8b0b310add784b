package org.transferlab.transfer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.transfer.TransferContext;

class HeadOnlyTest {
    private static final NetworkSpec MLP = new NetworkSpec(NetworkSpec.Type.MLP, List.of(12, 6), List.of(), 1, 32, 0.01, 1);

    private static Domain synthetic(String name, int sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 8, 300, 60,
                2, 1, 0.3, 1, 2, sampleSeed), LoadContext.of(Path.of("unused")));
    }

    /**
     * Training the head alone on the frozen layers' activations is the training the whole frozen network does:
     * the same epochs, the same kept epoch, losses equal but for float rounding (the activations come from larger
     * matrix products), and the same predictions through the whole network.
     */
    @Test
    void trainingTheHeadOnCachedActivationsIsTrainingTheFrozenNetwork() {
        SourceModel source = SourceTrainer.train(synthetic("s", 5), MLP, 1, TrainingLog.NONE);
        Domain target = synthetic("t", 9);
        LabelledSplit budget = new BudgetSampler(0.2).draw(target, LabelBudget.perClass(20), 1);
        TrainingSchedule schedule = new TrainingSchedule(0.01, 40, 5, 8);

        MultiLayerNetwork whole = NewHead.on(source, 3, 17, 0.01, source.lastHiddenLayer());
        assertTrue(HeadOnly.restIsFrozen(whole));
        MultiLayerNetwork viaHead = whole.clone();
        FitSummary throughWhole = new EarlyStoppingTrainer(schedule).train(whole, source.inputScaling().apply(budget.train()),
                source.inputScaling().apply(budget.validation()), 3, 23, "whole", TrainingLog.NONE);

        MultiLayerNetwork head = HeadOnly.of(viaHead);
        assertEquals(1, head.getnLayers());
        FitSummary onActivations = new EarlyStoppingTrainer(schedule).train(head,
                TransferContext.embedded(source, budget.train(), source.lastHiddenLayer()),
                TransferContext.embedded(source, budget.validation(), source.lastHiddenLayer()), 3, 23, "head", TrainingLog.NONE);
        HeadOnly.copyInto(head, viaHead);

        assertEquals(throughWhole.bestEpoch(), onActivations.bestEpoch());
        assertEquals(throughWhole.epochsRun(), onActivations.epochsRun());
        assertEquals(throughWhole.validationLoss(), onActivations.validationLoss(), 1e-5);
        assertEquals(throughWhole.trainAccuracy(), onActivations.trainAccuracy(), 0);
        Examples test = source.inputScaling().apply(target.test().open());
        assertArrayEquals(NetworkEvaluation.classes(whole, test), NetworkEvaluation.classes(viaHead, test));
        assertArrayEquals(whole.getLayer(2).params().toFloatVector(), viaHead.getLayer(2).params().toFloatVector(), 1e-5f);
    }

    @Test
    void aNetworkWithTrainableLayersBelowTheHeadIsNotHeadOnly() {
        SourceModel source = SourceTrainer.train(synthetic("s", 5), MLP, 1, TrainingLog.NONE);
        assertFalse(HeadOnly.restIsFrozen(NewHead.on(source, 3, 17, 0.01, -1)));
        assertFalse(HeadOnly.restIsFrozen(NewHead.on(source, 3, 17, 0.01, 0)));
    }
}
