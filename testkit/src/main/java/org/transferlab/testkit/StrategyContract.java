package org.transferlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.SealedTestAccess;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.metrics.ClusteringMetrics;
import org.transferlab.core.metrics.RegressionMetrics;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.TransferStrategy;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * The contract every transfer strategy meets, for a plugin's own tests: extend this class in your test sources,
 * return your strategy from {@link #strategy()}, and JUnit runs every check below against it.
 *
 * <pre>{@code
 * class MyStrategyContractTest extends StrategyContract {
 *     protected TransferStrategy<?> strategy() { return new MyStrategy(); }
 *     protected String parameters() { return "{learning-rate: 0.01}"; }   // optional; "{}" = the defaults
 * }
 * }</pre>
 *
 * <p>The strategy fits a small synthetic target of {@link #task()} (a shifted copy of a synthetic source, with a
 * small MLP source model trained on the source), with the label budget and adaptation data the harness would
 * give it, inside {@link SealedTestAccess#sealed}: opening any test partition while fitting fails the test. The
 * checks: the parameters bind from YAML as a config would bind them; the fit predicts the right kind of answer
 * (classes in range, or a finite value) for every test example and scores at least {@link #minimumScore()};
 * classification strategies record their learning curve and a consistent {@code FitSummary}; the same seed gives
 * the same predictions, also after other work drew from ND4J's random generator and when two fits run at once;
 * fitting leaves the shared source model unchanged; a strategy that says it uses no target labels fits the
 * same when the budget's labels change; and one that says it reads no source model fits without one (the
 * harness then resolves none, see {@link TransferStrategy#usesSourceModel}).
 */
public abstract class StrategyContract {
    /** The strategy under test. Called once per check; return a new instance or a shared one, it is stateless. */
    protected abstract TransferStrategy<?> strategy();

    /**
     * The strategy's parameters as they would be written in a study config's strategy entry, a YAML mapping
     * ({@code "{model: logistic}"}); by default {@code "{}"}, every parameter at its {@code @Default}.
     */
    protected String parameters() {
        return "{}";
    }

    /** The task the strategy is tested on: by default the first it supports of classification, regression, clustering. */
    protected TaskType task() {
        TransferStrategy<?> strategy = strategy();
        for (TaskType task : List.of(TaskType.CLASSIFICATION, TaskType.REGRESSION, TaskType.CLUSTERING)) {
            if (strategy.supports(task)) {
                return task;
            }
        }
        throw new AssertionError(strategy.getClass().getName() + " supports no task");
    }

    /**
     * The least score on the synthetic target's test partition: accuracy for classification (default 0.6, where
     * chance is 1/3), R² for regression (default 0.3), NMI for clustering (default 0.3). A deliberate non-learner
     * (a majority-class baseline) returns 0.
     */
    protected double minimumScore() {
        return task() == TaskType.CLASSIFICATION ? 0.6 : 0.3;
    }

    /**
     * Whether a fit reports at least one epoch to the context's {@code TrainingLog} (the learning curve the
     * harness stores with a cell); by default for classification strategies. A strategy that trains nothing
     * returns false.
     */
    protected boolean recordsLearningCurve() {
        return task() == TaskType.CLASSIFICATION;
    }

    private String who() {
        return strategy().getClass().getSimpleName() + " " + parameters();
    }

    /** The seed of the reference fit, and of every fit compared with it. */
    private static final long SEED = 4;
    private static final Map<String, Reference> REFERENCES = new ConcurrentHashMap<>();

    /**
     * One fit with {@link #SEED}, with what the checks read from it: the phases it logged, its predictions, and the
     * source model's weights before and after it. Made once per strategy class, parameters and task and shared by
     * every check of that strategy, so that each check fits only what it compares.
     */
    private record Reference(Fitted fitted, List<String> phases, double[] predictions, float[] sourceBefore,
                             float[] sourceAfter) {
    }

    private Reference reference() {
        String key = strategy().getClass().getName() + " " + parameters() + " " + task();
        Reference known = REFERENCES.get(key);
        if (known != null) {
            return known;
        }
        ContractTargets targets = targets();
        float[] before = targets.sourceModel.copy().params().toFloatVector();
        List<String> phases = java.util.Collections.synchronizedList(new ArrayList<>());
        Fitted fitted = fit(targets.context(SEED, (phase, epoch, t, ta, v, a) -> phases.add(phase)));
        Reference made = new Reference(fitted, List.copyOf(phases), predictions(fitted), before,
                targets.sourceModel.copy().params().toFloatVector());
        REFERENCES.putIfAbsent(key, made);
        return made;
    }

    private ContractTargets targets() {
        return ContractTargets.of(task());
    }

    /** Fits the strategy with {@link #parameters()} inside a sealed block, as the harness does. */
    private Fitted fit(TransferContext context) {
        return fit(strategy(), context);
    }

    private <P extends Record> Fitted fit(TransferStrategy<P> strategy, TransferContext context) {
        P bound = ContractParameters.bind("parameters() of " + strategy.getClass().getSimpleName(), parameters(),
                strategy.parametersType());
        Fitted fitted = SealedTestAccess.sealed("contract test of " + who(), () -> strategy.fit(bound, context));
        assertTrue(fitted != null, who() + " returned no Fitted");
        return fitted;
    }

    /** The predictions of {@code fitted} on the target's test partition: classes as doubles, or values. */
    private double[] predictions(Fitted fitted) {
        Examples test = targets().target.test().open();
        if (task() == TaskType.REGRESSION) {
            return fitted.predictValues(test);
        }
        return java.util.Arrays.stream(fitted.predictClasses(test)).asDoubleStream().toArray();
    }

    @Test
    public void supportsTheTaskItIsTestedOnAndBindsItsParameters() {
        TransferStrategy<?> strategy = strategy();
        assertTrue(strategy.supports(task()), who() + " does not support " + task());
        assertTrue(strategy.parametersType().isRecord(), "parametersType() is a record");
        assertTrue(ContractParameters.bind("parameters()", parameters(), strategy.parametersType()) != null);
    }

    @Test
    public void fitsWithTheTestPartitionSealedAndPredictsEveryTestExample() {
        ContractTargets targets = targets();
        Reference reference = reference();
        List<String> phases = reference.phases();
        Fitted fitted = reference.fitted();
        Examples test = targets.target.test().open();
        double score;
        if (task() == TaskType.REGRESSION) {
            double[] values = fitted.predictValues(test);
            assertEquals(test.size(), values.length, who() + ": one value per test example");
            for (double value : values) {
                assertTrue(Double.isFinite(value), who() + " predicted " + value);
            }
            assertThrows(RuntimeException.class, () -> fitted.predictClasses(test), "a regression model predicts values only");
            score = RegressionMetrics.score(test.values(), values).get(RegressionMetrics.R2);
        } else {
            int[] classes = fitted.predictClasses(test);
            assertEquals(test.size(), classes.length, who() + ": one class per test example");
            for (int predicted : classes) {
                assertTrue(predicted >= 0 && predicted < targets.target.classCount(), who() + " predicted class " + predicted);
            }
            assertThrows(RuntimeException.class, () -> fitted.predictValues(test), "a classifier predicts classes only");
            score = task() == TaskType.CLASSIFICATION ? accuracy(test.classes(), classes)
                    : ClusteringMetrics.score(test.classes(), classes).get(ClusteringMetrics.NMI);
        }
        assertTrue(score >= minimumScore(), who() + " scored " + score + " on the synthetic target, below " + minimumScore());
        if (recordsLearningCurve()) {
            assertFalse(phases.isEmpty(), who() + " records no learning curve to the context's TrainingLog");
        }
        assertTrue(fitted.summary().bestEpoch() <= fitted.summary().epochsRun(), who() + ": best epoch after the last");
        assertTrue(fitted.summary().epochsRun() == 0 || fitted.summary().bestEpoch() >= 1, who() + ": a trained model keeps some epoch");
        assertTrue(fitted.provenance() != null, who() + ": provenance is \"\" when there is none, never null");
    }

    private static double accuracy(int[] truth, int[] predicted) {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            correct += truth[i] == predicted[i] ? 1 : 0;
        }
        return (double) correct / truth.length;
    }

    @Test
    public void theSameSeedGivesTheSamePredictions() {
        double[] again = predictions(fit(targets().context(SEED, TrainingLog.NONE)));
        assertArrayEquals(reference().predictions(), again, who() + " is not deterministic for a seed");
    }

    @Test
    public void aFitDependsOnlyOnItsSeedNotOnWhatRanBeforeOrBeside() throws Exception {
        double[] alone = reference().predictions();
        // Draw from ND4J's random generator on this thread, as any other cell would.
        org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 10, 10);
        assertArrayEquals(alone, predictions(fit(targets().context(SEED, TrainingLog.NONE))),
                who() + " depends on what ran before it on this thread");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[]>> parallel = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                parallel.add(pool.submit(() -> predictions(fit(targets().context(SEED, TrainingLog.NONE)))));
            }
            for (Future<double[]> result : parallel) {
                assertArrayEquals(alone, result.get(), who() + " depends on what runs beside it");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    public void theSharedSourceModelIsNotChangedByFitting() {
        Reference reference = reference();
        assertArrayEquals(reference.sourceBefore(), reference.sourceAfter(), who() + " changed the shared source model");
    }

    @Test
    public void aStrategyThatSaysItReadsNoSourceModelFitsTheSameWithoutOne() {
        assumeTrue(!usesSourceModel(strategy()), "the strategy reads the source model");
        assertArrayEquals(reference().predictions(), predictions(fit(targets().contextWithoutSourceModel(SEED))),
                who() + " says it reads no source model, but its fit changed without one");
    }

    private <P extends Record> boolean usesSourceModel(TransferStrategy<P> strategy) {
        return strategy.usesSourceModel(ContractParameters.bind("parameters()", parameters(), strategy.parametersType()));
    }

    @Test
    public void aStrategyThatSaysItUsesNoTargetLabelsFitsTheSameWithOtherLabels() {
        assumeTrue(!strategy().usesTargetLabels() || task() == TaskType.CLUSTERING, "the strategy uses the budget's labels");
        double[] relabelled = predictions(fit(targets().contextWithOtherLabels(SEED)));
        assertArrayEquals(reference().predictions(), relabelled, who() + " says it uses no target labels, but its fit changed with them");
    }
}
