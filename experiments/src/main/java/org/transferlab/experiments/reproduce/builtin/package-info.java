/**
 * The registration of the built-in paper reproductions and of the strategies only they brought ({@code selffer},
 * {@code benchmark-classifier}): a package of its own because it sees every reproduction's package.
 */
package org.transferlab.experiments.reproduce.builtin;
