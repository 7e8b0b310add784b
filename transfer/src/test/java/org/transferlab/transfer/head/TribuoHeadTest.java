package org.transferlab.transfer.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;
import org.transferlab.transfer.engine.TrainingLog;

class TribuoHeadTest {
    private static final NetworkSpec NETWORK = new NetworkSpec(NetworkSpec.Type.MLP, List.of(24, 12), List.of(), 3, 32, 0.01, 1);
    private static final Domain SOURCE = domain("source", 0, 4);
    private static final Domain TARGET = domain("target", 0.4, 5);
    private static final SourceModel MODEL = SourceTrainer.train(SOURCE, NETWORK, 2, TrainingLog.NONE);

    private static Domain domain(String name, double shift, long sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 10, 600, 300,
                2, 1, shift, 1, 2, sampleSeed), LoadContext.of(java.nio.file.Path.of("unused")));
    }

    private static TransferContext context() {
        return new TransferContext(TARGET.name(), TARGET.task(), TARGET.classNames(), TARGET.shape(),
                new BudgetSampler(0.2).draw(TARGET, LabelBudget.perClass(20), 3), NETWORK, () -> MODEL, 7, TrainingLog.NONE);
    }

    @ParameterizedTest
    @EnumSource(TribuoHead.Classifier.class)
    void everyClassifierLearnsFromTheEmbeddingsAndRecordsItsProvenance(TribuoHead.Classifier classifier) {
        Fitted fitted = new TribuoHead().fit(new TribuoHead.Parameters(classifier, -1, 1.0, 20, 30), context());
        Examples test = TARGET.test().open();
        int[] predicted = fitted.predictClasses(test);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == test.classOf(i) ? 1 : 0;
        }
        assertTrue(correct > 0.6 * predicted.length, classifier + ": " + correct + " of " + predicted.length);
        String expectedTrainer = switch (classifier) {
            case LOGISTIC -> "LibLinearClassificationTrainer";
            case LINEAR_SGD -> "LinearSGDTrainer";
            case XGBOOST -> "XGBoostClassificationTrainer";
        };
        assertTrue(fitted.provenance().contains(expectedTrainer), fitted.provenance());
        assertTrue(fitted.summary().validationAccuracy() >= 0, "selection needs a validation score");
    }

    @Test
    void theChosenLayerSetsTheEmbeddingWidth() {
        assertEquals(24, context().embeddedBudget(0).train().featureCount());
        assertEquals(12, context().embeddedBudget(1).train().featureCount());
        assertEquals(context().budget().train().size(), context().embeddedBudget(1).train().size());
    }

    @Test
    void aLayerThatIsNotHiddenIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TribuoHead().fit(new TribuoHead.Parameters(TribuoHead.Classifier.LOGISTIC, 2, 1.0, 20, 30), context()));
        assertEquals("layer 2 is not a hidden layer of the source network (0..1)", e.getMessage());
    }
}
