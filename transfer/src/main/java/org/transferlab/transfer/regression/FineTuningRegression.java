package org.transferlab.transfer.regression;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.RegressionStrategy;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.NetworkSpec;

/**
 * Fine-tuning an MLP regressor trained on the source (the parameter-transfer recipe of Yosinski et al.,
 * "How transferable are features in deep neural networks?", NeurIPS 2014, applied to regression): an MLP
 * with the config's {@code network.hidden} layers is trained on the source domain for
 * {@code network.epochs} epochs ({@code network.batch-size}, {@code network.learning-rate}), seeded by the
 * cell's source seed so all cells of a seed share it; then all its weights continue training on the
 * target budget at {@code learning-rate} (the source network is trained once per source seed and run, and
 * copied for each cell), keeping the epoch with the lowest validation error (or the
 * last, without a validation split). With {@code transfer: false} the same network starts from random
 * weights instead: the like-for-like no-transfer baseline for this architecture. Features and the target are
 * standardised with the source's statistics for the transferred network (kept through fine-tuning) and with
 * the budget's training rows for the one from scratch ({@link org.transferlab.transfer.engine.InputScaling}).
 *
 * <p>Registered as {@code fine-tuning} among the regression strategies.
 */
public final class FineTuningRegression extends RegressionStrategy<FineTuningRegression.Parameters> {
    public static final String NAME = "fine-tuning";

    /**
     * @param learningRate Adam learning rate on the target (default 0.001)
     * @param maxEpochs    upper bound on target epochs (default 200)
     * @param patience     epochs without a lower validation error before stopping (default 20)
     * @param batchSize    target minibatch size (default 16)
     * @param transfer     start from the source-trained weights (default true) or from random ones (false)
     */
    public record Parameters(@Default("0.001") double learningRate, @Default("200") int maxEpochs,
                             @Default("20") int patience, @Default("16") int batchSize, @Default("true") boolean transfer) {
        public Parameters {
            if (!(learningRate > 0 && learningRate < 1)) {
                throw new IllegalArgumentException("learning-rate must be in (0, 1), got " + learningRate);
            }
            if (maxEpochs < 1 || patience < 1 || batchSize < 1) {
                throw new IllegalArgumentException("max-epochs, patience and batch-size must be positive");
            }
        }
    }

    public FineTuningRegression() {
        super(Parameters.class);
    }

    /** The same MLP from random weights: {@code transfer: false}. */
    @Override
    public java.util.Optional<Parameters> withoutTransfer(Parameters p) {
        return java.util.Optional.of(new Parameters(p.learningRate(), p.maxEpochs(), p.patience(), p.batchSize(), false));
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        Examples train = RegressionFits.requireTargetLabels(context);
        NetworkSpec spec = context.network();
        MlpRegressor model;
        if (p.transfer()) {
            MlpRegressor pretrained = context.sourceArtifacts().get(NAME + "/source-mlp/" + spec, () -> pretrain(context, spec));
            model = pretrained.copyWithLearningRate(p.learningRate());
        } else {
            model = MlpRegressor.initialised(spec.hidden(), context.shape(), train, p.learningRate(),
                    Seeds.derive(context.seed(), NAME, "init"));
        }
        FitSummary summary = train(model, p, context.budget(), new SplittableRandom(Seeds.derive(context.seed(), NAME, "order")), context);
        return Fitted.values(model, summary, "");
    }

    /** The MLP trained on the source domain, seeded by the cell's source seed: the same for every cell of a seed. */
    private static MlpRegressor pretrain(TransferContext context, NetworkSpec spec) {
        Examples source = RegressionFits.source(context);
        long seed = Seeds.derive(context.sourceData().seed(), NAME, "source-mlp");
        // The source shares the target's feature layout (both are the same columns), so its shape is the target's.
        MlpRegressor pretrained = MlpRegressor.initialised(spec.hidden(), context.shape(), source, spec.learningRate(), seed);
        SplittableRandom order = new SplittableRandom(seed);
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            pretrained.epoch(source, spec.batchSize(), order);
        }
        return pretrained;
    }

    /** Early stopping on validation error; the kept epoch's weights are restored. */
    private static FitSummary train(MlpRegressor model, Parameters p, LabelledSplit budget, SplittableRandom order,
                                    TransferContext context) {
        boolean validated = budget.validation().size() > 0;
        double bestError = Double.POSITIVE_INFINITY;
        INDArray best = model.parameters();
        FitSummary kept = FitSummary.NONE;
        int sinceBest = 0;
        int epoch = 0;
        while (epoch < p.maxEpochs() && sinceBest < p.patience()) {
            epoch++;
            model.epoch(budget.train(), p.batchSize(), order);
            double[] train = RegressionFits.errors(model, budget.train());
            double[] validation = RegressionFits.errors(model, budget.validation());
            context.log().epoch("fine-tune", epoch, train[0], train[1], validation[0], validation[1]);
            double error = validated ? validation[0] : train[0];
            if (!Double.isFinite(error)) {
                throw new IllegalStateException("fine-tuning diverged at epoch " + epoch + " (error " + error
                        + "); lower the learning rate");
            }
            if (error < bestError) {
                bestError = error;
                best = model.parameters();
                kept = new FitSummary(epoch, 0, train[0], train[1], validation[0], validation[1]);
                sinceBest = 0;
            } else if (validated) {
                sinceBest++;
            }
        }
        model.restore(best);
        return new FitSummary(kept.bestEpoch(), epoch, kept.trainLoss(), kept.trainAccuracy(), kept.validationLoss(),
                kept.validationAccuracy());
    }
}
