package org.transferlab.transfer.builtin;

import com.google.inject.AbstractModule;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.transfer.StrategyBindings;
import org.transferlab.transfer.adaptation.BatchSpectralShrinkage;
import org.transferlab.transfer.adaptation.ConditionalDomainAdversarial;
import org.transferlab.transfer.adaptation.CoTuning;
import org.transferlab.transfer.adaptation.DeepAdaptationNetwork;
import org.transferlab.transfer.adaptation.DeepCoral;
import org.transferlab.transfer.adaptation.DomainAdversarial;
import org.transferlab.transfer.adaptation.FeatureMapAttention;
import org.transferlab.transfer.adaptation.MinimumClassConfusion;
import org.transferlab.transfer.adaptation.SourceHypothesisTransfer;
import org.transferlab.transfer.alignment.Coral;
import org.transferlab.transfer.boosting.TrAdaBoost;
import org.transferlab.transfer.boosting.TrAdaBoostR2;
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
import org.transferlab.transfer.multisource.BestSource;
import org.transferlab.transfer.multisource.SourceEnsemble;
import org.transferlab.transfer.network.DiscriminativeFineTuning;
import org.transferlab.transfer.network.FeatureExtraction;
import org.transferlab.transfer.network.FineTuning;
import org.transferlab.transfer.network.L2StartingPoint;
import org.transferlab.transfer.network.LayerTransfer;
import org.transferlab.transfer.network.LinearProbeThenFineTune;
import org.transferlab.transfer.weighting.KliepClassification;
import org.transferlab.transfer.weighting.KliepRegression;
import org.transferlab.transfer.weighting.KmmClassification;
import org.transferlab.transfer.weighting.KmmRegression;

/**
 * Registers the built-in transfer strategies, each in the registry of the task it fits. Names are per task, so
 * one name can mean the same idea for each task with a class of its own: a clustering study's {@code target-only}
 * is {@link ClusterTargetOnly}. This table is every name a config can use and the class behind it (it is checked
 * against the bindings below, and each class's Javadoc says its name, by {@code RegistryNamesTest});
 * {@code ./transferlab list} prints the same with the parameters.
 *
 * <table>
 * <caption>Registry names and the classes they bind</caption>
 * <tr><th>task</th><th>name</th><th>class</th></tr>
 * <tr><td>classification</td><td>{@code target-only}</td><td>{@link TargetOnly}</td></tr>
 * <tr><td>classification</td><td>{@code feature-extraction}</td><td>{@link FeatureExtraction}</td></tr>
 * <tr><td>classification</td><td>{@code fine-tuning}</td><td>{@link FineTuning}</td></tr>
 * <tr><td>classification</td><td>{@code tribuo-head}</td><td>{@link TribuoHead}</td></tr>
 * <tr><td>classification</td><td>{@code lp-ft}</td><td>{@link LinearProbeThenFineTune}</td></tr>
 * <tr><td>classification</td><td>{@code layer-transfer}</td><td>{@link LayerTransfer}</td></tr>
 * <tr><td>classification</td><td>{@code source-only}</td><td>{@link SourceOnly}</td></tr>
 * <tr><td>classification</td><td>{@code pooled}</td><td>{@link Pooled}</td></tr>
 * <tr><td>classification</td><td>{@code weighted}</td><td>{@link Weighted}</td></tr>
 * <tr><td>classification</td><td>{@code pred}</td><td>{@link Pred}</td></tr>
 * <tr><td>classification</td><td>{@code linint}</td><td>{@link LinInt}</td></tr>
 * <tr><td>classification</td><td>{@code augment}</td><td>{@link Augment}</td></tr>
 * <tr><td>classification</td><td>{@code oracle}</td><td>{@link Oracle}</td></tr>
 * <tr><td>classification</td><td>{@code discriminative-fine-tuning}</td><td>{@link DiscriminativeFineTuning}</td></tr>
 * <tr><td>classification</td><td>{@code l2-sp}</td><td>{@link L2StartingPoint}</td></tr>
 * <tr><td>classification</td><td>{@code coral}</td><td>{@link Coral}</td></tr>
 * <tr><td>classification</td><td>{@code dann}</td><td>{@link DomainAdversarial}</td></tr>
 * <tr><td>classification</td><td>{@code mmd}</td><td>{@link DeepAdaptationNetwork}</td></tr>
 * <tr><td>classification</td><td>{@code deep-coral}</td><td>{@link DeepCoral}</td></tr>
 * <tr><td>classification</td><td>{@code mcc}</td><td>{@link MinimumClassConfusion}</td></tr>
 * <tr><td>classification</td><td>{@code bss}</td><td>{@link BatchSpectralShrinkage}</td></tr>
 * <tr><td>classification</td><td>{@code cdan}</td><td>{@link ConditionalDomainAdversarial}</td></tr>
 * <tr><td>classification</td><td>{@code shot}</td><td>{@link SourceHypothesisTransfer}</td></tr>
 * <tr><td>classification</td><td>{@code delta}</td><td>{@link FeatureMapAttention}</td></tr>
 * <tr><td>classification</td><td>{@code co-tuning}</td><td>{@link CoTuning}</td></tr>
 * <tr><td>classification</td><td>{@code kmm}</td><td>{@link KmmClassification}</td></tr>
 * <tr><td>classification</td><td>{@code kliep}</td><td>{@link KliepClassification}</td></tr>
 * <tr><td>classification</td><td>{@code best-source}</td><td>{@link BestSource}</td></tr>
 * <tr><td>classification</td><td>{@code source-ensemble}</td><td>{@link SourceEnsemble}</td></tr>
 * <tr><td>classification</td><td>{@code tradaboost}</td><td>{@link TrAdaBoost}</td></tr>
 * <tr><td>regression</td><td>{@code target-only}</td><td>{@link TargetOnlyRegression}</td></tr>
 * <tr><td>regression</td><td>{@code source-only}</td><td>{@link SourceOnlyRegression}</td></tr>
 * <tr><td>regression</td><td>{@code pooled}</td><td>{@link PooledRegression}</td></tr>
 * <tr><td>regression</td><td>{@code weighted}</td><td>{@link WeightedRegression}</td></tr>
 * <tr><td>regression</td><td>{@code prior}</td><td>{@link PriorRegression}</td></tr>
 * <tr><td>regression</td><td>{@code pred}</td><td>{@link PredRegression}</td></tr>
 * <tr><td>regression</td><td>{@code augment}</td><td>{@link AugmentRegression}</td></tr>
 * <tr><td>regression</td><td>{@code linint}</td><td>{@link LinIntRegression}</td></tr>
 * <tr><td>regression</td><td>{@code fine-tuning}</td><td>{@link FineTuningRegression}</td></tr>
 * <tr><td>regression</td><td>{@code importance-weighting}</td><td>{@link ImportanceWeightedRegression}</td></tr>
 * <tr><td>regression</td><td>{@code kmm}</td><td>{@link KmmRegression}</td></tr>
 * <tr><td>regression</td><td>{@code kliep}</td><td>{@link KliepRegression}</td></tr>
 * <tr><td>regression</td><td>{@code tradaboost-r2}</td><td>{@link TrAdaBoostR2}</td></tr>
 * <tr><td>clustering</td><td>{@code target-only}</td><td>{@link ClusterTargetOnly}</td></tr>
 * <tr><td>clustering</td><td>{@code feature-extraction}</td><td>{@link EmbeddingClustering}</td></tr>
 * <tr><td>clustering</td><td>{@code warm-start-kmeans}</td><td>{@link WarmStartKMeans}</td></tr>
 * </table>
 */
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
        StrategyBindings.strategy(binder(), DomainAdversarial.NAME, DomainAdversarial.class);
        StrategyBindings.strategy(binder(), DeepAdaptationNetwork.NAME, DeepAdaptationNetwork.class);
        StrategyBindings.strategy(binder(), DeepCoral.NAME, DeepCoral.class);
        StrategyBindings.strategy(binder(), MinimumClassConfusion.NAME, MinimumClassConfusion.class);
        StrategyBindings.strategy(binder(), BatchSpectralShrinkage.NAME, BatchSpectralShrinkage.class);
        StrategyBindings.strategy(binder(), ConditionalDomainAdversarial.NAME, ConditionalDomainAdversarial.class);
        StrategyBindings.strategy(binder(), SourceHypothesisTransfer.NAME, SourceHypothesisTransfer.class);
        StrategyBindings.strategy(binder(), FeatureMapAttention.NAME, FeatureMapAttention.class);
        StrategyBindings.strategy(binder(), CoTuning.NAME, CoTuning.class);
        StrategyBindings.strategy(binder(), KmmClassification.NAME, KmmClassification.class);
        StrategyBindings.strategy(binder(), KliepClassification.NAME, KliepClassification.class);
        StrategyBindings.strategy(binder(), BestSource.NAME, BestSource.class);
        StrategyBindings.strategy(binder(), SourceEnsemble.NAME, SourceEnsemble.class);
        StrategyBindings.strategy(binder(), TrAdaBoost.NAME, TrAdaBoost.class);

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
        StrategyBindings.regression(binder(), KmmRegression.NAME, KmmRegression.class);
        StrategyBindings.regression(binder(), KliepRegression.NAME, KliepRegression.class);
        StrategyBindings.regression(binder(), TrAdaBoostR2.NAME, TrAdaBoostR2.class);

        StrategyBindings.clustering(binder(), ClusterTargetOnly.NAME, ClusterTargetOnly.class);
        StrategyBindings.clustering(binder(), EmbeddingClustering.NAME, EmbeddingClustering.class);
        StrategyBindings.clustering(binder(), WarmStartKMeans.NAME, WarmStartKMeans.class);
    }
}
