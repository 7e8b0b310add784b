/**
 * {@link Seeds} derives independent, reproducible seeds from a base seed and a path of names, one stream per use
 * of randomness, so that the same config and seed give the same results in whatever order the cells run.
 */
package org.transferlab.core.seed;
