/**
 * Instance transfer by boosting: the labelled source examples and the target budget are boosted together, and the
 * source examples that do not help on the target lose weight round by round. TrAdaBoost ({@code tradaboost}, Dai
 * et al., ICML 2007) for classification, with shallow Tribuo CART trees as its weak learners, and two-stage
 * TrAdaBoost.R2 ({@code tradaboost-r2}, Pardoe &amp; Stone, ICML 2010) for regression, with this package's weighted
 * regression trees. Both read the raw features, never the source model, and need target labels.
 */
package org.transferlab.transfer.boosting;
