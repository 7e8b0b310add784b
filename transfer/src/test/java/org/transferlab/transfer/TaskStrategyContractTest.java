package org.transferlab.transfer;

import org.transferlab.transfer.engine.TrainingLog;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.core.metrics.ClusteringMetrics;
import org.transferlab.core.metrics.RegressionMetrics;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;

/**
 * The contract of every registered regression and clustering strategy, run over their registries so a
 * new one is covered the moment it is registered: it fits a small synthetic target with its default
 * parameters while the test partition is sealed, returns predictions of the right kind for every test
 * example, does better than knowing nothing, and gives the same answer for the same seed.
 */
class TaskStrategyContractTest {
    private static final LoadContext LOAD = LoadContext.of(Path.of("unused"));
    private static final Domain REGRESSION_SOURCE = regression("source", 0, 21);
    private static final Domain REGRESSION_TARGET = regression("target", 0.3, 22);
    private static final Domain CLUSTERING_SOURCE = classes("source", TaskType.CLASSIFICATION, 0, 23);
    private static final Domain CLUSTERING_TARGET = classes("target", TaskType.CLUSTERING, 0.3, 24);
    private static final SourceModel SOURCE_MODEL = SourceTrainer.train(CLUSTERING_SOURCE, StrategyContractTest.NETWORK, 5,
            TrainingLog.NONE);

    private static Domain regression(String name, double shift, long sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.REGRESSION, 1, 6, 300, 200,
                1, 0.5, shift, 1, 2, sampleSeed), LOAD);
    }

    private static Domain classes(String name, TaskType task, double shift, long sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(task, 3, 10, 600, 300,
                4, 1, shift, 1, 2, sampleSeed), LOAD);
    }

    static Stream<String> regressionStrategies() {
        return StrategyBindings.registry(Plugins.discover(), TaskType.REGRESSION).names().stream();
    }

    static Stream<String> clusteringStrategies() {
        return StrategyBindings.registry(Plugins.discover(), TaskType.CLUSTERING).names().stream();
    }

    private static TransferContext context(Domain source, Domain target, boolean labelled, long seed) {
        LabelledSplit drawn = new BudgetSampler(0.2).draw(target, LabelBudget.total(60), 3);
        LabelledSplit budget = labelled ? drawn : new LabelledSplit(drawn.train().withoutLabels(),
                drawn.validation().withoutLabels(), drawn.trainRows(), drawn.validationRows());
        return new TransferContext(target.name(), target.task(), target.classNames(), target.shape(), budget,
                StrategyContractTest.NETWORK, () -> SOURCE_MODEL, seed, TrainingLog.NONE).withAdaptationData(
                new TransferContext.SourceData(source.classNames(), source.train(), 7), target.train().withoutLabels());
    }

    @ParameterizedTest
    @MethodSource("regressionStrategies")
    void aRegressionStrategyPredictsEveryTestValueBetterThanTheTestMeanAndRepeatsItself(String name) {
        TransferStrategy<?> strategy = StrategyBindings.registry(Plugins.discover(), TaskType.REGRESSION).get(name);
        Examples test = REGRESSION_TARGET.test().open();
        Fitted fitted = StrategyContractTest.fitWithDefaults(strategy, context(REGRESSION_SOURCE, REGRESSION_TARGET, true, 9));
        double[] predicted = fitted.predictValues(test);
        assertEquals(test.size(), predicted.length);
        double r2 = RegressionMetrics.score(test.values(), predicted).get(RegressionMetrics.R2);
        assertTrue(r2 > 0.3, name + " R² " + r2);
        double[] again = StrategyContractTest.fitWithDefaults(strategy, context(REGRESSION_SOURCE, REGRESSION_TARGET, true, 9))
                .predictValues(test);
        assertArrayEquals(predicted, again, name + " is not deterministic for a seed");
    }

    @ParameterizedTest
    @MethodSource("clusteringStrategies")
    void aClusteringStrategyAssignsEveryTestExampleWithoutLabelsAndRepeatsItself(String name) {
        TransferStrategy<?> strategy = StrategyBindings.registry(Plugins.discover(), TaskType.CLUSTERING).get(name);
        Examples test = CLUSTERING_TARGET.test().open();
        Fitted fitted = StrategyContractTest.fitWithDefaults(strategy, context(CLUSTERING_SOURCE, CLUSTERING_TARGET, false, 9));
        int[] clusters = fitted.predictClasses(test);
        assertEquals(test.size(), clusters.length);
        double nmi = ClusteringMetrics.score(test.classes(), clusters).get(ClusteringMetrics.NMI);
        assertTrue(nmi > 0.3, name + " NMI " + nmi);
        int[] again = StrategyContractTest.fitWithDefaults(strategy, context(CLUSTERING_SOURCE, CLUSTERING_TARGET, false, 9))
                .predictClasses(test);
        assertArrayEquals(clusters, again, name + " is not deterministic for a seed");
    }

    @ParameterizedTest
    @MethodSource("regressionStrategies")
    void everyRegressionStrategyIsRegisteredForRegressionOnly(String name) {
        TransferStrategy<?> strategy = StrategyBindings.registry(Plugins.discover(), TaskType.REGRESSION).get(name);
        assertTrue(strategy.supports(TaskType.REGRESSION) && !strategy.supports(TaskType.CLASSIFICATION));
        assertTrue(List.of(TaskType.values()).stream().filter(strategy::supports).count() == 1);
    }
}
