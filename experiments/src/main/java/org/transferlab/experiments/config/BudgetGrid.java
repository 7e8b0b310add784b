package org.transferlab.experiments.config;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.plugin.Default;

/**
 * The label budgets of the grid: either labels per class or labels in total. A budget of 0 gives no
 * target labels at all: strategies that need them report the cell as not applicable, while
 * unsupervised adaptation (coral) and source-only still produce a result.
 *
 * @param perClass           budgets in labels per class (classification)
 * @param total              budgets in labels in total
 * @param validationFraction share of each budget held out for early stopping and model selection (default 0.2)
 */
public record BudgetGrid(
        @Default("[]") List<Integer> perClass,
        @Default("[]") List<Integer> total,
        @Default("0.2") double validationFraction) {
    public BudgetGrid {
        perClass = List.copyOf(perClass);
        total = List.copyOf(total);
        if (perClass.isEmpty() == total.isEmpty()) {
            throw new IllegalArgumentException("give exactly one of per-class or total, as a non-empty list of budgets");
        }
        List<Integer> amounts = perClass.isEmpty() ? total : perClass;
        for (int amount : amounts) {
            if (amount < 0) {
                throw new IllegalArgumentException("budgets cannot be negative, got " + amount);
            }
        }
        if (new HashSet<>(amounts).size() != amounts.size()) {
            throw new IllegalArgumentException("budget " + amounts + " lists a value twice");
        }
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw new IllegalArgumentException("validation-fraction must be in [0, 0.5], got " + validationFraction);
        }
    }

    public List<LabelBudget> budgets() {
        return Stream.concat(perClass.stream().map(LabelBudget::perClass), total.stream().map(LabelBudget::total)).toList();
    }
}
