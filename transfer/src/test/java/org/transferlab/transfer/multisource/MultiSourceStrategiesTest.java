package org.transferlab.transfer.multisource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.NetworkEvaluation;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;
import org.transferlab.transfer.engine.TrainingLog;
import org.transferlab.transfer.network.FineTuning;
import org.transferlab.transfer.network.NetworkPredictor;

/**
 * best-source and source-ensemble on a target with two sources: one whose features separate the classes, one whose
 * features cannot (its classes were drawn on top of each other).
 */
class MultiSourceStrategiesTest {
    private static final NetworkSpec MLP = new NetworkSpec(NetworkSpec.Type.MLP, List.of(12, 6), List.of(), 3, 32, 0.01, 1);
    /** Only the new head trains, so each source's features decide how well its model does. */
    private static final FineTuning.Parameters HEAD_ONLY = new FineTuning.Parameters(0.01, 30, 5, 16, 1);

    private static Domain synthetic(String name, double separation, double shift, long sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 8, 300, 90,
                separation, 1, shift, 1, 2, sampleSeed), LoadContext.of(Path.of("unused")));
    }

    private static final Domain TARGET = synthetic("target", 3, 0.3, 7);
    private static final SourceModel USEFUL = SourceTrainer.train(synthetic("useful", 3, 0, 5), MLP, 1, TrainingLog.NONE);
    private static final SourceModel USELESS = SourceTrainer.train(synthetic("useless", 0, 0, 6), MLP, 1, TrainingLog.NONE);
    private static final LabelledSplit BUDGET = new BudgetSampler(0.3).draw(TARGET, LabelBudget.perClass(10), 1);

    private static TransferContext single(SourceModel model, LabelledSplit budget) {
        return new TransferContext(TARGET.name(), TARGET.task(), TARGET.classNames(), TARGET.shape(), budget, MLP,
                () -> model, 3, TrainingLog.NONE);
    }

    private static TransferContext twoSources(LabelledSplit budget) {
        return single(USEFUL, budget).withSingleSources(List.of(
                new TransferContext.SingleSource("useless", single(USELESS, budget)),
                new TransferContext.SingleSource("useful", single(USEFUL, budget))));
    }

    private static int[] predictions(Fitted fitted) {
        return fitted.predictClasses(TARGET.test().open());
    }

    @Test
    void bestSourceKeepsTheSourceWhoseModelLikesTheValidationSplitMostAndIsExactlyItsFineTuning() {
        Fitted best = new BestSource().fit(HEAD_ONLY, twoSources(BUDGET));
        assertTrue(best.provenance().startsWith("best-source: kept source useful by the log-likelihood of the budget's "
                + "validation split"), best.provenance());
        assertArrayEquals(predictions(new FineTuning().fit(HEAD_ONLY, single(USEFUL, BUDGET))), predictions(best));
    }

    @Test
    void theEnsembleWeighsTheUsefulSourceMoreAndMixesTheModelsProbabilities() {
        List<FineTunedSource> sources = FineTunedSource.all(HEAD_ONLY, twoSources(BUDGET));
        double[] weights = SourceEnsemble.weights(sources.stream().mapToDouble(FineTunedSource::logLikelihood).toArray());
        assertTrue(weights[1] > weights[0], java.util.Arrays.toString(weights));

        List<NetworkPredictor> networks = sources.stream().map(s -> (NetworkPredictor) ((Fitted.Classes) s.fitted()).predictor()).toList();
        Examples test = TARGET.test().open();
        assertArrayEquals(networks.get(1).predictClasses(test), new SourceEnsemble.Mixture(networks, new double[] {0, 1})
                .predictClasses(test), "all the weight on one source is that source's model");
        double[][] first = NetworkEvaluation.probabilities(networks.get(0).network(), networks.get(0).inputScaling().apply(test));
        double[][] second = NetworkEvaluation.probabilities(networks.get(1).network(), networks.get(1).inputScaling().apply(test));
        double[][] mixed = new SourceEnsemble.Mixture(networks, new double[] {0.25, 0.75}).probabilities(test);
        for (int i = 0; i < test.size(); i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(0.25 * first[i][c] + 0.75 * second[i][c], mixed[i][c], 1e-9);
            }
        }
    }

    @Test
    void weightsAreTheNormalisedLikelihoodsWithoutUnderflow() {
        assertArrayEquals(new double[] {0.5, 0.5}, SourceEnsemble.weights(new double[] {-3, -3}), 1e-12);
        assertArrayEquals(new double[] {0.75, 0.25}, SourceEnsemble.weights(new double[] {0, -Math.log(3)}), 1e-12);
        double e = Math.E;
        assertArrayEquals(new double[] {e / (1 + e), 1 / (1 + e)}, SourceEnsemble.weights(new double[] {-5000, -5001}), 1e-12,
                "likelihoods far below Double.MIN_VALUE still weigh");
    }

    @Test
    void bothNeedSeveralSourcesAndTargetLabels() {
        String one = assertThrows(NotApplicableException.class, () -> new BestSource().fit(HEAD_ONLY, single(USEFUL, BUDGET)))
                .getMessage();
        assertTrue(one.contains("chooses among several sources"), one);
        LabelledSplit none = new BudgetSampler(0.3).draw(TARGET, LabelBudget.perClass(0), 1);
        String unlabelled = assertThrows(NotApplicableException.class, () -> new SourceEnsemble().fit(HEAD_ONLY, twoSources(none)))
                .getMessage();
        assertTrue(unlabelled.contains("needs target labels"), unlabelled);
    }

    @Test
    void aTinyBudgetWithoutAValidationSplitIsJudgedOnItsTrainSplitAndSaysSo() {
        LabelledSplit tiny = new BudgetSampler(0.3).draw(TARGET, LabelBudget.perClass(1), 1);
        assertEquals(0, tiny.validation().size());
        Fitted best = new BestSource().fit(HEAD_ONLY, twoSources(tiny));
        assertTrue(best.provenance().contains("train split (the budget has no validation split)"), best.provenance());
    }
}
