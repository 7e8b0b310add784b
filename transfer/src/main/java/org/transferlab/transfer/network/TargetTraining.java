package org.transferlab.transfer.network;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.FitSummary;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;

/** Trains a prepared network on the context's label budget with early stopping; shared by the network strategies. */
public final class TargetTraining {
    private TargetTraining() {
    }

    public static Fitted fit(MultiLayerNetwork network, TrainingSchedule schedule, TransferContext context, String phase) {
        if (context.budget().train().size() == 0) {
            throw new NotApplicableException("it needs target labels, and the budget has none");
        }
        FitSummary summary = new EarlyStoppingTrainer(schedule).train(network, context.budget().train(),
                context.budget().validation(), context.classCount(), Seeds.derive(context.seed(), phase, "order"),
                phase, context.log());
        return new Fitted(new NetworkPredictor(network), summary);
    }
}
