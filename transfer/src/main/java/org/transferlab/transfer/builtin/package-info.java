/**
 * {@link StrategiesModule}, the Guice module that registers the built-in strategies of every family, found on the
 * class path through {@code META-INF/services} like a third-party plugin's module. It is the one place that
 * imports every family, so that the SPI package imports none.
 */
package org.transferlab.transfer.builtin;
