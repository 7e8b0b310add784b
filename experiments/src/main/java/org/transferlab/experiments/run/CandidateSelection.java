package org.transferlab.experiments.run;

import java.util.List;
import java.util.function.Function;
import org.transferlab.core.data.SealedTestAccess;
import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;

/**
 * The fit stage of a cell: fits every parameter candidate of the cell's strategy on the label budget, with the target's
 * test partition sealed, and keeps the one with the best validation score — accuracy, or R² for regression — (ties,
 * or no score: lower validation loss; then config order). Selection sees only the budget's validation split.
 */
final class CandidateSelection {
    private CandidateSelection() {
    }

    /** The fitted candidate a cell keeps, and why. */
    record Selection(Record parameters, Fitted fitted, String selectedBy) {
    }

    /** @param contexts the context of each candidate's fit, by its label ({@code null} when it is the only one) */
    static Selection select(Cell cell, Function<String, TransferContext> contexts) {
        List<Record> candidates = cell.strategy().candidates();
        if (candidates.size() == 1) {
            return new Selection(candidates.get(0), fit(cell, candidates.get(0), contexts.apply(null)), "only candidate");
        }
        Selection first = null;
        Selection best = null;
        for (int i = 0; i < candidates.size(); i++) {
            Record candidate = candidates.get(i);
            Fitted fitted = fit(cell, candidate, contexts.apply("candidate " + (i + 1) + "/" + candidates.size()));
            if (first == null) {
                first = new Selection(candidate, fitted, "no validation data: first candidate");
            }
            if (best == null || better(fitted, best.fitted())) {
                best = new Selection(candidate, fitted, Double.isNaN(fitted.summary().validationAccuracy()) ? "validation loss"
                        : cell.target().task() == TaskType.REGRESSION ? "validation R²" : "validation accuracy");
            }
        }
        FitSummary kept = best.fitted().summary();
        return Double.isNaN(kept.validationAccuracy()) && Double.isNaN(kept.validationLoss()) ? first : best;
    }

    private static boolean better(Fitted candidate, Fitted best) {
        double a = candidate.summary().validationAccuracy();
        double b = best.summary().validationAccuracy();
        if (!Double.isNaN(a) && !Double.isNaN(b) && a != b) {
            return a > b;
        }
        if (!Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (Double.isNaN(a) && !Double.isNaN(b)) {
            return false;
        }
        return candidate.summary().validationLoss() < best.summary().validationLoss();
    }

    private static Fitted fit(Cell cell, Record parameters, TransferContext context) {
        return SealedTestAccess.sealed("strategy '" + cell.strategy().name() + "'", () -> cell.strategy().fit(parameters, context));
    }
}
