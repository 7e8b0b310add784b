package org.transferlab.transfer.clustering;

import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.NotApplicableException;

/** What a clusterer may see of a budget: every example of it, train and validation, without labels. */
final class Budgets {
    private Budgets() {
    }

    static Examples unlabelled(LabelledSplit budget) {
        Examples all = budget.train().concat(budget.validation()).withoutLabels();
        if (all.size() < 2) {
            throw new NotApplicableException("clustering needs at least two target examples, and the budget has " + all.size());
        }
        return all;
    }
}
