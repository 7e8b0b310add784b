/**
 * The {@code synthetic} loader: seeded, related domains with a controllable shift, for classification, regression
 * or clustering, for tests and for checking a strategy on data whose answer is known.
 */
package org.transferlab.core.loader.synthetic;
