package org.transferlab.experiments.run;

import org.transferlab.transfer.engine.TrainingLog;

/** Where a run's learning curves go: one log per cell, and one per trained source model. */
public interface CurveSink {
    CurveSink NONE = name -> TrainingLog.NONE;

    /** A log for the curves named {@code name} (a cell id, or {@code source-} and a key). */
    TrainingLog open(String name);
}
