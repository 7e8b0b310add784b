/**
 * Contract tests for plugin authors: abstract JUnit 5 classes that a strategy, domain loader or reproduction
 * plugin's own test sources extend, so the plugin is checked against what the harness relies on (the test
 * partition stays sealed while fitting, the same seed gives the same result, every example has an identity, ...).
 * {@link org.transferlab.testkit.StrategyContract}, {@link org.transferlab.testkit.DomainLoaderContract} and
 * {@link org.transferlab.testkit.ReproductionContract} each say in their Javadoc what to override. The built-in
 * plugins run the same contracts, over the plugin registry, in this module's own tests.
 */
package org.transferlab.testkit;
