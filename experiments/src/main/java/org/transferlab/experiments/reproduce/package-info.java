/**
 * Paper reproductions, {@code ./transferlab reproduce NAME}: the {@link Reproduction} plugin interface (registered
 * with {@link ReproductionBindings}), {@link ReproductionRunner}, which publishes {@code results/NAME} atomically,
 * and what a reproduction's report is made of: its claims and verdicts ({@link Claim}), tables, figures and the
 * frame every report shares ({@link ReproductionReport}). A reproduction's studies run through the ordinary harness
 * ({@link ReproductionStudy}); its settings can be changed from the command line ({@link SettingsOverrides}). Each
 * reproduction is a subpackage.
 */
package org.transferlab.experiments.reproduce;
