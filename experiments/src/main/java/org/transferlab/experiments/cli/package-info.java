/**
 * The {@code transferlab} command line, with picocli: {@code run}, {@code validate}, {@code report},
 * {@code merge}, {@code list}, {@code data}, {@code reproduce} and {@code slurm}, one command class each.
 * {@link TransferLabCommand} maps a {@link org.transferlab.core.TransferLabException} to its message and exit code
 * 2, without a stack trace; {@code ShardMerge} and {@code RunConfig} are what {@code merge}, {@code report} and
 * the Slurm commands share.
 */
package org.transferlab.experiments.cli;
