/**
 * Transferability scores: forecasts, from a source model and the target's label budget alone, of whether transfer from
 * that source will help the target, made before any target model is trained. Scores of fit read the budget in the
 * source network's representation ({@link org.transferlab.transfer.forecast.LogMe}, {@link
 * org.transferlab.transfer.forecast.Leep}, {@link org.transferlab.transfer.forecast.HScore}); domain distances read
 * the source's and the target's unlabelled train partitions in it ({@link
 * org.transferlab.transfer.forecast.ProxyADistance}, {@link org.transferlab.transfer.forecast.LinearMmd}). None reads
 * a target test example: {@link org.transferlab.transfer.forecast.ForecastInputs} holds none.
 */
package org.transferlab.transfer.forecast;
