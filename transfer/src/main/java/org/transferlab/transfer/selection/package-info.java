/**
 * Choosing among fitted candidates without target labels: unsupervised validation criteria computed from a candidate's
 * class probabilities on the unlabelled target train partition and on held-out labelled source examples, never from a
 * target label. {@link org.transferlab.transfer.selection.ValidationCriteria} holds the criteria of the literature as
 * functions of those probabilities, each checked against hand-computed values;
 * {@link org.transferlab.transfer.selection.Validator} is the registered plugin that scores one candidate with them,
 * from {@link org.transferlab.transfer.selection.ValidationInputs} (the candidate's probabilities on unlabelled target
 * and held-out source examples, and the source examples' density ratios from
 * {@link org.transferlab.transfer.selection.ImportanceWeights}).
 */
package org.transferlab.transfer.selection;
