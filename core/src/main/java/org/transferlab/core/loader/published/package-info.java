/**
 * What {@code ./transferlab data fetch NAME} fetches and how: a {@link PublishedDataSet} (its Debian package and
 * files, such as {@link PalmerPenguins}) and {@link DataSetFetcher}, which copies one into the data directory from
 * its installed Debian package, from the package downloaded without installing it ({@link AptPackageDownloader})
 * or from its published source, checking every file's SHA-256.
 */
package org.transferlab.core.loader.published;
