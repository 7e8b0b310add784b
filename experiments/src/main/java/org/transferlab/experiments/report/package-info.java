/**
 * The report of a run, built from its typed results ({@link org.transferlab.experiments.run.StoredResult}).
 * {@link ComparisonTable} compares each strategy with its no-transfer baseline (the rules in
 * {@link ComparisonRules} and {@link Baselines}) with the paired tests and Holm's correction
 * ({@link PairedTests}); {@link ReportWriter} writes {@code report.md} from it, with the summary, cost and
 * provenance tables and the figures ({@link Plots}). {@link LatexTables} and {@link LongResults} write the same
 * tables for papers and for data frames.
 */
package org.transferlab.experiments.report;
