package org.transferlab.core.budget;

import org.transferlab.core.data.Examples;

/**
 * A label budget drawn from a target's train partition: the examples a strategy may fit on and the
 * validation examples it may select with. Together they are the whole budget; the row indices refer
 * to the train partition, so tests can prove the draw never touches anything else.
 */
public record LabelledSplit(Examples train, Examples validation, int[] trainRows, int[] validationRows) {
    public int budgetSize() {
        return trainRows.length + validationRows.length;
    }
}
