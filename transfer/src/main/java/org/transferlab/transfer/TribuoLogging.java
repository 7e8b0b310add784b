package org.transferlab.transfer;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quietens the Tribuo trainers that log at INFO on every iteration (KMeans, HDBSCAN, the SGD trainers, bagging (random forests);
 * shared/STACK.md): a study of a thousand cells would otherwise print a million lines. Warnings still
 * show. java.util.logging holds loggers weakly, so the quietened ones are kept here, or their level would
 * be lost at the next garbage collection.
 */
public final class TribuoLogging {
    private static final List<Logger> QUIETENED = List.of(
            Logger.getLogger("org.tribuo.clustering.kmeans.KMeansTrainer"),
            Logger.getLogger("org.tribuo.clustering.hdbscan.HdbscanTrainer"),
            Logger.getLogger("org.tribuo.common.sgd.AbstractSGDTrainer"),
            Logger.getLogger("org.tribuo.common.sgd.AbstractLinearSGDTrainer"),
            Logger.getLogger("org.tribuo.ensemble.BaggingTrainer"));

    static {
        QUIETENED.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    private TribuoLogging() {
    }

    /** Makes sure the levels are set; cheap after the first call. */
    public static void quiet() {
        // Loading this class ran the static initialiser.
    }
}
