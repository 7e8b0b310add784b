/**
 * Clustering strategies for an unlabelled target, over Tribuo's KMeans and HDBSCAN ({@link Clusterer}):
 * {@code target-only} on the raw features ({@link ClusterTargetOnly}), {@code feature-extraction} on the frozen
 * source network's embeddings ({@link EmbeddingClustering}) and {@code warm-start-kmeans} from the source classes'
 * means ({@link WarmStartKMeans}, with {@link Lloyd}'s iterations).
 */
package org.transferlab.transfer.clustering;
