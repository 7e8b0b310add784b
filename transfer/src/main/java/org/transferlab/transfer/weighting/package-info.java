/**
 * Instance weighting by density ratios estimated from unlabelled target data: Kernel Mean Matching ({@code kmm},
 * Huang et al., NeurIPS 2006) and KLIEP ({@code kliep}, Sugiyama et al., NeurIPS 2007), each registered for
 * classification (a weighted linear classifier) and regression (weighted ridge regression). The weights are computed
 * by {@code KernelMeanMatching} and {@code Kliep}
 * on features standardised by the source and target samples together; the strategy classes only draw the samples and
 * train the weighted model. They read the raw features, never the source model.
 */
package org.transferlab.transfer.weighting;
