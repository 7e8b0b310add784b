package org.transferlab.transfer.clustering;

import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClusteringStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;

/**
 * The no-transfer baseline for clustering: the target's raw features, standardised with the statistics
 * of the examples being clustered, clustered by KMeans or HDBSCAN. Every clustering result is reported
 * against this one. It clusters the budget's examples (train and validation, labels removed) and assigns
 * test examples with the fitted model.
 *
 * <p>Registered as {@code target-only} among the clustering strategies.
 */
public final class ClusterTargetOnly extends ClusteringStrategy<ClusterTargetOnly.Parameters> {
    public static final String NAME = "target-only";

    /**
     * @param clusterer      kmeans or hdbscan (default kmeans)
     * @param k              KMeans clusters; 0 (default) for the target's number of classes
     * @param iterations     KMeans's maximum iterations (default 100)
     * @param minClusterSize HDBSCAN's smallest cluster (default 10)
     */
    public record Parameters(@Default("kmeans") Clusterer clusterer, @Default("0") int k, @Default("100") int iterations,
                             @Default("10") int minClusterSize) {
        public Parameters {
            ClusteringParameters.validate(k, iterations, minClusterSize);
        }
    }

    public ClusterTargetOnly() {
        super(Parameters.class);
    }

    /** The no-transfer baseline itself. */
    @Override
    public java.util.Optional<Parameters> withoutTransfer(Parameters parameters) {
        return java.util.Optional.of(parameters);
    }

    /** It learns from the target alone. */
    @Override
    public boolean usesSourceModel(ClusterTargetOnly.Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        Examples examples = Budgets.unlabelled(context.budget());
        Standardizer standardizer = Standardizer.fit(examples);
        Clusterer.Fit fit = p.clusterer().fit(standardizer.apply(examples), ClusteringParameters.clusters(p.k(), context.classCount()),
                p.iterations(), p.minClusterSize(), Seeds.derive(context.seed(), NAME, "clusterer"));
        return Fitted.classes(test -> fit.predictor().predictClasses(standardizer.apply(test)), FitSummary.NONE, fit.provenance());
    }
}
