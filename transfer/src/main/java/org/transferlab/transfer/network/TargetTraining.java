package org.transferlab.transfer.network;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.EarlyStoppingTrainer;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.HeadOnly;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.TrainingLog;
import org.transferlab.transfer.engine.TrainingSchedule;

/**
 * Trains a prepared network on the context's label budget with early stopping; shared by the network strategies.
 * The budget reaches the network through an {@link InputScaling}: the source model's for a network built from
 * it ({@link SourceModel#inputScaling()}), {@link #fromScratch}'s for a network trained on the budget alone.
 */
public final class TargetTraining {
    private TargetTraining() {
    }

    /** Trains {@code network}, whose inputs are scaled by {@code scaling}, and predicts through the same scaling. */
    public static Fitted fit(MultiLayerNetwork network, InputScaling scaling, TrainingSchedule schedule, TransferContext context,
                             String phase) {
        return fit(network, scaling, schedule, context, phase, context.log());
    }

    /** {@link #fit}, reporting its epochs to {@code log} rather than the context's. */
    public static Fitted fit(MultiLayerNetwork network, InputScaling scaling, TrainingSchedule schedule, TransferContext context,
                             String phase, TrainingLog log) {
        requireTargetLabels(context);
        FitSummary summary = new EarlyStoppingTrainer(schedule).train(network, scaling.apply(context.budget().train()),
                scaling.apply(context.budget().validation()), context.classCount(), Seeds.derive(context.seed(), phase, "order"),
                phase, log);
        return Fitted.classes(new NetworkPredictor(network, scaling), summary);
    }

    /**
     * Trains the output layer of {@code network}, whose other layers are all frozen copies of {@code source}'s
     * layers up to its last hidden layer, on the budget's embeddings at that layer (computed once per source model
     * and target, see {@link TransferContext#embeddedBudget}) rather than on the budget through the whole network:
     * the same training, without recomputing the frozen layers for every minibatch. Predicts through the whole
     * network, as {@link #fit} does.
     */
    public static Fitted fitHead(MultiLayerNetwork network, SourceModel source, TrainingSchedule schedule, TransferContext context,
                                 String phase) {
        requireTargetLabels(context);
        if (!HeadOnly.restIsFrozen(network)) {
            throw new IllegalArgumentException("fitHead needs a network whose layers below the output layer are frozen");
        }
        LabelledSplit embedded = context.embeddedBudget(source.lastHiddenLayer());
        MultiLayerNetwork head = HeadOnly.of(network);
        FitSummary summary = new EarlyStoppingTrainer(schedule).train(head, embedded.train(), embedded.validation(),
                context.classCount(), Seeds.derive(context.seed(), phase, "order"), phase, context.log());
        HeadOnly.copyInto(head, network);
        return Fitted.classes(new NetworkPredictor(network, source.inputScaling()), summary);
    }

    /** The scaling of a network trained from scratch on the budget: {@link InputScaling#forTraining} of its training rows. */
    public static InputScaling fromScratch(TransferContext context) {
        requireTargetLabels(context);
        return InputScaling.forTraining(context.shape(), context.budget().train());
    }

    private static void requireTargetLabels(TransferContext context) {
        if (context.budget().train().size() == 0) {
            throw new NotApplicableException("it needs target labels, and the budget has none");
        }
    }
}
