package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.data.TaskType;
import org.transferlab.experiments.config.StrategyEntry;
import org.transferlab.experiments.run.ResultFixtures;
import org.transferlab.experiments.run.StoredResult;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.regression.FineTuningRegression;
import org.transferlab.transfer.regression.TargetOnlyRegression;

class CostTableTest {
    private static StoredResult row(String id, String strategy, int epochs, double validationMse) {
        return ResultFixtures.result().cellId(id).strategy(strategy).budget(LabelBudget.total(40)).metric("rmse", 5)
                .fit(new FitSummary(epochs, epochs, 1, 0.5, validationMse, 0.5)).fitSeconds(2.0).build();
    }

    @Test
    void regressionCostIsReachingTheBaselinesValidationRmseFromAbove(@TempDir Path curves) throws IOException {
        // The MLP from scratch ends at validation MSE 25 (RMSE 5). Fine-tuning's validation MSE falls 100, 36, 20, 16:
        // it first reaches RMSE 5 at epoch 3. Under the old rule (validation score, higher is better, read from the
        // accuracy column) it "never" reached it.
        Files.writeString(curves.resolve("ft.csv"), "phase,epoch,train_loss,train_accuracy,val_loss,val_accuracy\n"
                + "fine-tune,1,90,0.1,100,-3.0\nfine-tune,2,30,0.6,36,-0.4\nfine-tune,3,18,0.8,20,0.2\nfine-tune,4,12,0.9,16,0.36\n");
        Files.writeString(curves.resolve("scratch.csv"), "phase,epoch,train_loss,train_accuracy,val_loss,val_accuracy\n"
                + "fine-tune,1,200,-1,400,-15\nfine-tune,2,20,0.7,25,0.0\n");
        FineTuningRegression mlp = new FineTuningRegression();
        Baselines baselines = Baselines.of(List.of(
                new StrategyEntry("target-only", new TargetOnlyRegression(), List.of(new TargetOnlyRegression.Parameters(1.0)), 1),
                new StrategyEntry("fine-tuning", mlp, List.of(new FineTuningRegression.Parameters(0.001, 200, 20, 16, true)), 2),
                new StrategyEntry("fine-tuning@scratch", mlp, List.of(new FineTuningRegression.Parameters(0.001, 200, 20, 16, false)), 3)));
        String table = CostTable.markdown(List.of(row("ridge", "target-only", 0, 30), row("ft", "fine-tuning", 4, 16),
                row("scratch", "fine-tuning@scratch", 2, 25)), curves, TaskType.REGRESSION, baselines);
        assertTrue(table.contains("epochs to reach the baseline's validation RMSE"), table);
        assertTrue(table.contains("| s → t | 40 total | fine-tuning | 2.00 | 0.00 | 3.00 | 1.50 | 0 of 1 |"), table);
        assertTrue(table.contains("| s → t | 40 total | target-only | 2.00 | 0.00 | — | — | n/a |"),
                "closed-form ridge has no epochs to count: " + table);
    }
}
