package org.transferlab.benchmarks;

import com.google.inject.AbstractModule;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.transfer.StrategyBindings;

/** Registers the benchmarks' own strategies; found through ServiceLoader on the benchmarks' class path only. */
public final class BenchmarkStrategiesModule extends AbstractModule implements TransferLabModule {
    @Override
    protected void configure() {
        StrategyBindings.strategy(binder(), MajorityClass.NAME, MajorityClass.class);
    }
}
