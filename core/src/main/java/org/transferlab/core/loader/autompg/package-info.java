/**
 * The {@code auto-mpg} loader: the cars of Auto MPG (read from vega-datasets' {@code cars.json}), a regression of
 * miles per gallon on six features, one domain per origin (usa, europe, japan). Cars with a missing feature are
 * left out or given the feature's mean over the train rows only ({@link TrainMeans}).
 */
package org.transferlab.core.loader.autompg;
