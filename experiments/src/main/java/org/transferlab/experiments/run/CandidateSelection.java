package org.transferlab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.transferlab.core.data.SealedTestAccess;
import org.transferlab.core.data.TaskType;
import org.transferlab.experiments.config.SelectionSetting;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.selection.Validator;

/**
 * The fit stage of a cell: fits every parameter candidate of the cell's strategy on the label budget, with the target's
 * test partition sealed, and keeps one. By default ({@code selection: target-validation}) it keeps the one with the
 * best score on the budget's validation split — accuracy, or R² for regression — (ties, or no score: lower validation
 * loss; then config order); where the budget has none, the score a strategy that trains on the source validated on
 * held-out source examples of its own, or else the first candidate. A study that names a validator keeps the candidate that validator scores highest, from
 * unlabelled target examples and held-out source examples alone ({@link CandidateValidation}); where it can score none
 * of them, the default decides and the reason says so. Every validator scores every candidate of a classification cell,
 * whichever one chooses, so that the report can compare them.
 */
final class CandidateSelection {
    private CandidateSelection() {
    }

    /** One fitted candidate and every validator's score of it (empty where none scored). */
    record Candidate(Record parameters, Fitted fitted, Map<String, Double> scores) {
    }

    /** The fitted candidate a cell keeps, why, and all the candidates it chose from (only it, when it was the only one). */
    record Selection(Record parameters, Fitted fitted, String selectedBy, List<Candidate> candidates) {
    }

    /**
     * @param contexts   the context of each candidate's fit, by its label ({@code null} when it is the only one)
     * @param validation what the validators read, drawn when first needed (a cell with one candidate needs none)
     * @param labelled   whether the budget has a labelled validation split; without one, a fit's validation score is
     *                   the strategy's own, on held-out source examples (joint training), and the reason says so
     */
    static Selection select(Cell cell, Function<String, TransferContext> contexts, SelectionSetting selection,
                            Supplier<CandidateValidation> validation, boolean labelled) {
        List<Record> parameters = cell.strategy().candidates();
        if (parameters.size() == 1) {
            Fitted only = fit(cell, parameters.get(0), contexts.apply(null));
            return new Selection(parameters.get(0), only, "only candidate", List.of(new Candidate(parameters.get(0), only, Map.of())));
        }
        boolean scored = cell.target().task() == TaskType.CLASSIFICATION;
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            String label = "candidate " + (i + 1) + "/" + parameters.size();
            Fitted fitted = fit(cell, parameters.get(i), contexts.apply(label));
            candidates.add(new Candidate(parameters.get(i), fitted,
                    scored ? validation.get().scores(cell.describe() + " " + label, fitted) : Map.of()));
        }
        Selection byValidation = byValidationSplit(cell, candidates, labelled);
        if (selection.chosen().isEmpty()) {
            return byValidation;
        }
        Validator validator = selection.chosen().get();
        Candidate best = null;
        for (Candidate candidate : candidates) {
            double score = candidate.scores().getOrDefault(selection.name(), Double.NaN);
            if (!Double.isNaN(score) && (best == null || score > best.scores().get(selection.name()))) {
                best = candidate;
            }
        }
        if (best != null) {
            return new Selection(best.parameters(), best.fitted(), selection.name() + " (no target label)", candidates);
        }
        String why = !scored ? "it scores classifiers only"
                : validator.readsSource() && !validation.get().sourceAbsence().isEmpty() ? validation.get().sourceAbsence()
                : "the candidates give no class probabilities";
        return new Selection(byValidation.parameters(), byValidation.fitted(),
                selection.name() + " could not score (" + why + "); " + byValidation.selectedBy(), candidates);
    }

    private static Selection byValidationSplit(Cell cell, List<Candidate> candidates, boolean labelled) {
        Candidate best = null;
        for (Candidate candidate : candidates) {
            if (best == null || better(candidate.fitted(), best.fitted())) {
                best = candidate;
            }
        }
        FitSummary kept = best.fitted().summary();
        if (Double.isNaN(kept.validationAccuracy()) && Double.isNaN(kept.validationLoss())) {
            Candidate first = candidates.get(0);
            return new Selection(first.parameters(), first.fitted(), "no validation data: first candidate", candidates);
        }
        String rule = Double.isNaN(kept.validationAccuracy()) ? "validation loss"
                : cell.target().task() == TaskType.REGRESSION ? "validation R²" : "validation accuracy";
        return new Selection(best.parameters(), best.fitted(), labelled ? rule
                : rule + " on the strategy's held-out source examples (no target validation split)", candidates);
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
