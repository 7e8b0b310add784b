package org.transferlab.transfer;

import org.transferlab.core.data.Examples;

/**
 * What a strategy hands back: a fitted model that the harness evaluates on the target's test
 * partition. Only the features of the examples may be read; the targets are the harness's to score.
 */
@FunctionalInterface
public interface Predictor {
    /** The predicted class index of each example, for classification domains. */
    int[] predictClasses(Examples examples);
}
