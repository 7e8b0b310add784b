package org.transferlab.transfer.builtin;

import com.google.inject.AbstractModule;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.transfer.StrategyBindings;
import org.transferlab.transfer.alignment.Coral;
import org.transferlab.transfer.clustering.ClusterTargetOnly;
import org.transferlab.transfer.clustering.EmbeddingClustering;
import org.transferlab.transfer.clustering.WarmStartKMeans;
import org.transferlab.transfer.regression.AugmentRegression;
import org.transferlab.transfer.regression.FineTuningRegression;
import org.transferlab.transfer.regression.ImportanceWeightedRegression;
import org.transferlab.transfer.regression.LinIntRegression;
import org.transferlab.transfer.regression.PooledRegression;
import org.transferlab.transfer.regression.PredRegression;
import org.transferlab.transfer.regression.PriorRegression;
import org.transferlab.transfer.regression.SourceOnlyRegression;
import org.transferlab.transfer.regression.TargetOnlyRegression;
import org.transferlab.transfer.regression.WeightedRegression;
import org.transferlab.transfer.baseline.Augment;
import org.transferlab.transfer.baseline.LinInt;
import org.transferlab.transfer.baseline.Oracle;
import org.transferlab.transfer.baseline.Pooled;
import org.transferlab.transfer.baseline.Pred;
import org.transferlab.transfer.baseline.SourceOnly;
import org.transferlab.transfer.baseline.TargetOnly;
import org.transferlab.transfer.baseline.Weighted;
import org.transferlab.transfer.head.TribuoHead;
import org.transferlab.transfer.network.DiscriminativeFineTuning;
import org.transferlab.transfer.network.FeatureExtraction;
import org.transferlab.transfer.network.FineTuning;
import org.transferlab.transfer.network.L2StartingPoint;
import org.transferlab.transfer.network.LayerTransfer;
import org.transferlab.transfer.network.LinearProbeThenFineTune;

/** Registers the built-in transfer strategies, each in the registry of the task it fits. */
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
        StrategyBindings.strategy(binder(), Weighted.NAME, Weighted.class);
        StrategyBindings.strategy(binder(), Pred.NAME, Pred.class);
        StrategyBindings.strategy(binder(), LinInt.NAME, LinInt.class);
        StrategyBindings.strategy(binder(), Augment.NAME, Augment.class);
        StrategyBindings.strategy(binder(), Oracle.NAME, Oracle.class);
        StrategyBindings.strategy(binder(), DiscriminativeFineTuning.NAME, DiscriminativeFineTuning.class);
        StrategyBindings.strategy(binder(), L2StartingPoint.NAME, L2StartingPoint.class);
        StrategyBindings.strategy(binder(), Coral.NAME, Coral.class);

        StrategyBindings.regression(binder(), TargetOnlyRegression.NAME, TargetOnlyRegression.class);
        StrategyBindings.regression(binder(), SourceOnlyRegression.NAME, SourceOnlyRegression.class);
        StrategyBindings.regression(binder(), PooledRegression.NAME, PooledRegression.class);
        StrategyBindings.regression(binder(), WeightedRegression.NAME, WeightedRegression.class);
        StrategyBindings.regression(binder(), PriorRegression.NAME, PriorRegression.class);
        StrategyBindings.regression(binder(), PredRegression.NAME, PredRegression.class);
        StrategyBindings.regression(binder(), AugmentRegression.NAME, AugmentRegression.class);
        StrategyBindings.regression(binder(), LinIntRegression.NAME, LinIntRegression.class);
        StrategyBindings.regression(binder(), FineTuningRegression.NAME, FineTuningRegression.class);
        StrategyBindings.regression(binder(), ImportanceWeightedRegression.NAME, ImportanceWeightedRegression.class);

        StrategyBindings.clustering(binder(), ClusterTargetOnly.NAME, ClusterTargetOnly.class);
        StrategyBindings.clustering(binder(), EmbeddingClustering.NAME, EmbeddingClustering.class);
        StrategyBindings.clustering(binder(), WarmStartKMeans.NAME, WarmStartKMeans.class);
    }
}
