package org.transferlab.transfer.clustering;

import java.util.List;
import org.transferlab.core.data.Examples;
import org.transferlab.transfer.Predictor;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The Tribuo clusterers the clustering strategies use: KMeans with k-means++ initialisation (Arthur &amp;
 * Vassilvitskii, SODA 2007) and HDBSCAN* (Campello, Moulavi &amp; Sander, PAKDD 2013), which finds its own
 * number of clusters and may call points noise (cluster 0). A fitted clusterer assigns new examples to
 * clusters: KMeans to the nearest centroid, HDBSCAN through its cluster exemplars.
 */
public enum Clusterer {
    /** Lloyd's k-means, k-means++ initialisation, Euclidean distance. */
    KMEANS,
    /** HDBSCAN*, Euclidean distance; {@code k} is ignored. */
    HDBSCAN;

    static {
        org.transferlab.transfer.TribuoLogging.quiet();
    }

    /** A model fitted on {@code examples}' features, and Tribuo's provenance of it. */
    public record Fit(Predictor predictor, String provenance) {
    }

    /**
     * @param k              clusters, for KMeans
     * @param iterations     KMeans's maximum iterations
     * @param minClusterSize HDBSCAN's smallest cluster
     */
    public Fit fit(Examples examples, int k, int iterations, int minClusterSize, long seed) {
        Trainer<ClusterID> trainer = this == KMEANS
                ? new KMeansTrainer(k, iterations, KMeansTrainer.Distance.EUCLIDEAN, KMeansTrainer.Initialisation.PLUSPLUS, 1, seed)
                : new HdbscanTrainer(minClusterSize, HdbscanTrainer.Distance.EUCLIDEAN, Math.min(minClusterSize, 5), 1);
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance("target features", factory), factory);
        data.addAll(tribuoExamples(examples));
        Model<ClusterID> model = trainer.train(data);
        Predictor predictor = test -> tribuoExamples(test).stream().mapToInt(e -> model.predict(e).getOutput().getID()).toArray();
        return new Fit(predictor, model.getProvenance().toString());
    }

    static List<Example<ClusterID>> tribuoExamples(Examples examples) {
        return org.transferlab.transfer.TribuoExamples.of(examples, row -> ClusteringFactory.UNASSIGNED_CLUSTER_ID);
    }

}
