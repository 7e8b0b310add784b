/**
 * The {@code diabetes} loader: the 442 patients of Efron, Hastie, Johnstone and Tibshirani (2004) as scikit-learn
 * ships them ({@link DiabetesFiles} reads its gzipped files), a regression of disease progression on nine baseline
 * variables, one domain per sex.
 */
package org.transferlab.core.loader.diabetes;
