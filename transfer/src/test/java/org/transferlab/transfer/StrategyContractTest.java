package org.transferlab.transfer;

import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.TrainingLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.SealedTestAccess;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartitionSealedException;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;

/**
 * What keeps a strategy from the test partition, whatever the strategy: the context it is given holds no test
 * data, and one that opens a test partition while fitting fails. The contract every registered strategy meets
 * (fits, beats chance, repeats itself for a seed, leaves the source model alone) is the published
 * {@code org.transferlab.testkit.StrategyContract}, run over the registry by the testkit module's
 * {@code BuiltInStrategiesContractTest}.
 */
class StrategyContractTest {
    private static final LoadContext CONTEXT = LoadContext.of(Path.of("unused"));
    static final NetworkSpec NETWORK = new NetworkSpec(NetworkSpec.Type.MLP, List.of(16, 8), List.of(), 2, 32, 0.01, 1);
    private static final Domain SOURCE = synthetic("source", 0, 11);
    private static final SourceModel SOURCE_MODEL = SourceTrainer.train(SOURCE, NETWORK, 5, TrainingLog.NONE);

    static Domain synthetic(String name, double shift, long sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 10, 600, 300,
                2, 1, shift, 1, 2, sampleSeed), CONTEXT);
    }

    static TransferContext context(Domain target, long seed, TrainingLog log) {
        LabelledSplit budget = new BudgetSampler(0.2).draw(target, LabelBudget.perClass(20), 3);
        return new TransferContext(target.name(), target.task(), target.classNames(), target.shape(), budget, NETWORK,
                () -> SOURCE_MODEL, seed, log).withAdaptationData(new TransferContext.SourceData(SOURCE.classNames(), SOURCE.train()),
                        target.train().withoutLabels());
    }

    @Test
    void theBuiltInStrategiesAreRegistered() {
        PluginRegistry<TransferStrategy<?>> registry = StrategyBindings.registry(Plugins.discover());
        assertEquals(List.of("augment", "best-source", "bss", "cdan", "co-tuning", "coral", "dann", "deep-coral", "delta",
                "discriminative-fine-tuning", "feature-extraction", "fine-tuning", "kliep", "kmm", "l2-sp", "layer-transfer",
                "linint", "lp-ft", "mcc", "mmd", "oracle", "pooled", "pred", "shot", "source-ensemble", "source-only",
                "target-only", "tradaboost", "tribuo-head", "weighted"),
                List.copyOf(registry.names()));
    }

    /** A strategy that tries to look at the target's test partition while fitting. */
    private record Peeking(Domain target) implements TransferStrategy<Peeking.Parameters> {
        record Parameters() {
        }

        @Override
        public Class<Parameters> parametersType() {
            return Parameters.class;
        }

        @Override
        public boolean supports(TaskType task) {
            return true;
        }


        @Override
        public Fitted fit(Parameters parameters, TransferContext context) {
            Examples test = target.test().open();
            return Fitted.classes(examples -> new int[examples.size()], FitSummary.NONE);
        }
    }

    @Test
    void aStrategyThatOpensTheTestPartitionWhileFittingFails() {
        Domain target = synthetic("peeked", 0.5, 13);
        Peeking cheat = new Peeking(target);
        TestPartitionSealedException e = assertThrows(TestPartitionSealedException.class,
                () -> SealedTestAccess.sealed("strategy 'peeking'", () -> cheat.fit(new Peeking.Parameters(),
                        context(target, 1, TrainingLog.NONE))));
        assertTrue(e.getMessage().contains("domain 'peeked'"), e.getMessage());
    }

    @Test
    void theContextHoldsNoTestData() {
        for (java.lang.reflect.Field field : TransferContext.class.getDeclaredFields()) {
            assertFalse(Domain.class.isAssignableFrom(field.getType()), "TransferContext must not hold a Domain");
            assertFalse(org.transferlab.core.data.TestPartition.class.isAssignableFrom(field.getType()),
                    "TransferContext must not hold a TestPartition");
        }
    }
}
