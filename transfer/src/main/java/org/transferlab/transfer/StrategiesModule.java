package org.transferlab.transfer;

import com.google.inject.AbstractModule;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.transfer.alignment.Coral;
import org.transferlab.transfer.baseline.Oracle;
import org.transferlab.transfer.baseline.Pooled;
import org.transferlab.transfer.baseline.SourceOnly;
import org.transferlab.transfer.baseline.TargetOnly;
import org.transferlab.transfer.head.TribuoHead;
import org.transferlab.transfer.network.DiscriminativeFineTuning;
import org.transferlab.transfer.network.FeatureExtraction;
import org.transferlab.transfer.network.FineTuning;
import org.transferlab.transfer.network.L2StartingPoint;
import org.transferlab.transfer.network.LayerTransfer;
import org.transferlab.transfer.network.LinearProbeThenFineTune;

/** Registers the built-in transfer strategies. */
public final class StrategiesModule extends AbstractModule implements TransferLabModule {
    @Override
    protected void configure() {
        StrategyBindings.strategy(binder(), TargetOnly.NAME, TargetOnly.class);
        StrategyBindings.strategy(binder(), FeatureExtraction.NAME, FeatureExtraction.class);
        StrategyBindings.strategy(binder(), FineTuning.NAME, FineTuning.class);
        StrategyBindings.strategy(binder(), TribuoHead.NAME, TribuoHead.class);
        StrategyBindings.strategy(binder(), LinearProbeThenFineTune.NAME, LinearProbeThenFineTune.class);
        StrategyBindings.strategy(binder(), LayerTransfer.NAME, LayerTransfer.class);
        StrategyBindings.strategy(binder(), SourceOnly.NAME, SourceOnly.class);
        StrategyBindings.strategy(binder(), Pooled.NAME, Pooled.class);
        StrategyBindings.strategy(binder(), Oracle.NAME, Oracle.class);
        StrategyBindings.strategy(binder(), DiscriminativeFineTuning.NAME, DiscriminativeFineTuning.class);
        StrategyBindings.strategy(binder(), L2StartingPoint.NAME, L2StartingPoint.class);
        StrategyBindings.strategy(binder(), Coral.NAME, Coral.class);
    }
}
