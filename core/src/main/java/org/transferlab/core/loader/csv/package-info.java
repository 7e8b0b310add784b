/**
 * The {@code csv} loader, for a researcher's own CSV file: parsing ({@link CsvTable}), the columns a domain reads
 * ({@link CsvColumns}), its filtered rows and the missing-value policy ({@link DomainRows}, {@link Missing},
 * {@link TrainImputation}), one-hot encoding of categorical columns ({@link OneHotEncoding}) and what a domain
 * records in the run's provenance ({@link CsvProvenance}). A bad file is an error naming the file, the line and
 * the column.
 */
package org.transferlab.core.loader.csv;
