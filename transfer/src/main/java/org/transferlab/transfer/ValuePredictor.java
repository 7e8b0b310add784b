package org.transferlab.transfer;

import org.transferlab.core.data.Examples;

/**
 * What a regression strategy hands back: a fitted model that the harness evaluates on the target's
 * test partition. Only the features of the examples may be read; the targets are the harness's to score.
 */
@FunctionalInterface
public interface ValuePredictor {
    /** The predicted real value of each example. */
    double[] predictValues(Examples examples);
}
