/**
 * Experiment configs. {@link ConfigLoader} reads a study's YAML strictly through {@link YamlBinder} (an unknown,
 * duplicate, missing or mistyped key is a {@link ConfigException} naming the line) and resolves every name to its
 * plugin, giving an {@link ExperimentConfig} of typed entries: domains, model files, pairs, strategies with their
 * parameter candidates, budgets and settings. {@link OverfitCheck}, {@link VerdictTest} and
 * {@link CorrectionFamily} are the settings that shape a report.
 */
package org.transferlab.experiments.config;
