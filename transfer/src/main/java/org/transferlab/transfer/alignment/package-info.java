/**
 * Correlation alignment for a target with no labels at all: the {@code coral} strategy and the CORAL transform it
 * applies (Sun, Feng and Saenko, AAAI 2016), which re-colours source features so that their covariance matches the
 * target's.
 */
package org.transferlab.transfer.alignment;
