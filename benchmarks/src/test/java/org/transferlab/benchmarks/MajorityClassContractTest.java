package org.transferlab.benchmarks;

import org.transferlab.testkit.StrategyContract;
import org.transferlab.transfer.TransferStrategy;

/** The benchmarks' own strategy meets the contract a third-party strategy's tests run (the testkit module). */
class MajorityClassContractTest extends StrategyContract {
    @Override
    protected TransferStrategy<?> strategy() {
        return new MajorityClass();
    }

    /** It predicts one class for every example on purpose: the harness's cost without a model's. */
    @Override
    protected double minimumScore() {
        return 0;
    }

    /** It trains nothing, so it has no learning curve to record. */
    @Override
    protected boolean recordsLearningCurve() {
        return false;
    }
}
