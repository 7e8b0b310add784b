package org.transferlab.transfer.clustering;

import org.transferlab.core.data.Examples;
import org.transferlab.core.data.Standardizer;
import org.transferlab.core.plugin.Default;
import org.transferlab.transfer.ClusteringStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.SourceModel;

/**
 * KMeans on the target warm-started from centroids carried over from the source: the mean of each
 * source class (source labels are available; target labels are not used) becomes an initial centroid,
 * and Lloyd's iterations then run on the target's examples (a transfer of cluster structure in the
 * spirit of Dai, Yang, Xue &amp; Yu, "Self-taught Clustering", ICML 2008). It clusters into as many groups
 * as the source has classes. Each domain is standardised with its own statistics, so the carried-over
 * centroids describe where classes lie relative to their domain's spread. In {@code embedding} space
 * both domains are first embedded by the source network. Tribuo's KMeans has no way to start from given
 * centroids, hence {@link Lloyd}.
 *
 * <p>Registered as {@code warm-start-kmeans} among the clustering strategies.
 */
public final class WarmStartKMeans extends ClusteringStrategy<WarmStartKMeans.Parameters> {
    public static final String NAME = "warm-start-kmeans";

    /** Where the centroids live. */
    public enum Space {
        /** the domains' own (standardised) features */
        RAW,
        /** the source network's activations at {@code layer} */
        EMBEDDING
    }

    /**
     * @param space      raw or embedding (default raw)
     * @param layer      embedding space: the source network's hidden layer, 0-based; -1 for the last (default)
     * @param iterations the most Lloyd's iterations (default 100)
     */
    public record Parameters(@Default("raw") Space space, @Default("-1") int layer, @Default("100") int iterations) {
        public Parameters {
            SourceLayer.validate(layer);
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
            }
        }
    }

    public WarmStartKMeans() {
        super(Parameters.class);
    }

    /** Only in the source network's embedding space. */
    @Override
    public boolean usesSourceModel(WarmStartKMeans.Parameters p) {
        return p.space() == Space.EMBEDDING;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        TransferContext.SourceData sourceData = context.sourceData();
        if (sourceData.train().size() == 0) {
            throw NotApplicableException.noSourceExamples();
        }
        if (!sourceData.train().hasClasses()) {
            throw new NotApplicableException("it needs the source's classes to place the initial centroids");
        }
        SourceModel model = p.space() == Space.EMBEDDING ? context.sourceModel() : null;
        int layer = model == null ? -1 : SourceLayer.resolve(p.layer(), model);
        Examples source = model == null ? sourceData.train() : TransferContext.embedded(model, sourceData.train(), layer);
        Examples target = Budgets.unlabelled(model == null ? context.budget() : context.embeddedBudget(layer));
        Standardizer sourceScaling = Standardizer.fit(source);
        Standardizer targetScaling = Standardizer.fit(target);
        double[][] initial = Lloyd.classMeans(sourceScaling.apply(source), sourceData.classNames().size());
        Lloyd.Result clusters = Lloyd.run(targetScaling.apply(target), initial, p.iterations());
        return Fitted.classes(test -> {
            Examples z = model == null ? test : TransferContext.embedded(model, test, layer);
            return Lloyd.assign(targetScaling.apply(z), clusters.centroids());
        }, FitSummary.NONE, "warm-start-kmeans: " + clusters.iterations() + " Lloyd iterations"
                + (clusters.converged() ? ", converged" : ", stopped at the limit"));
    }
}
