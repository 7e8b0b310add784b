/**
 * Running a study. A command expands its config once into its {@link Grid} of {@link Cell}s (dealt into shards by
 * {@link Shard}); {@link StudyRunner} loads the domains, proves the partitions disjoint
 * ({@link DisjointPartitions}) and runs the cells on workers; each cell goes down the {@code CellPipeline}: its budget
 * drawn, its source model resolved before the fit ({@code SourceModels}: shared in memory and on disk,
 * {@link SourceModelStore}), its candidates fitted and selected with the test partition sealed
 * ({@code CandidateSelection}), then evaluated. Each cell is committed to the
 * {@link RunDirectory} on its own: fitted, its result is a {@link ResultRow}, and kept, a {@link StoredResult},
 * whose columns only {@link ResultsCsv} knows.
 */
package org.transferlab.experiments.run;
