package org.transferlab.transfer;

import org.transferlab.core.data.Examples;

/**
 * What a classification or clustering strategy hands back: a fitted model that the harness evaluates on
 * the target's test partition. Only the features of the examples may be read; the targets are the
 * harness's to score.
 */
@FunctionalInterface
public interface Predictor {
    /**
     * The predicted class index of each example for classification domains; for clustering domains, the
     * cluster each example is assigned to (any integer ids: they are compared with the held-out classes
     * only up to renaming).
     */
    int[] predictClasses(Examples examples);
}
