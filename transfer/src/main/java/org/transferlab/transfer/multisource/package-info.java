/**
 * Strategies for a pair with several sources ({@code {sources: [a, b], target: t}}) that use the sources one by one
 * rather than combined: {@code best-source} fine-tunes each source's model on the budget and keeps the one the
 * budget's validation split likes best, {@code source-ensemble} keeps them all, weighted by their validation
 * likelihood. Both read {@link org.transferlab.transfer.TransferContext#singleSources()}; every other strategy of such
 * a pair sees the sources combined (their union of examples and the source network trained on it).
 */
package org.transferlab.transfer.multisource;
