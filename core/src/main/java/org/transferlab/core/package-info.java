/**
 * The one type every module shares: {@link TransferLabException}, the error a user can fix (a bad config, a
 * missing or corrupt data file, an unknown plugin name), whose message the command line prints without a stack
 * trace, with exit code 2. The subpackages hold the data model, label budgets, the domain loaders, the test
 * metrics, the plugin wiring and seed derivation.
 */
package org.transferlab.core;
