/**
 * Plugin wiring with Guice. A jar adds domain loaders or strategies with a {@link TransferLabModule} (found
 * through ServiceLoader) that registers them by name with {@link PluginBindings}; {@link Plugins} builds the
 * injector and reads each kind's {@link PluginRegistry}, whose lookup of an unknown name lists the known ones.
 * Names are kebab-case ({@link PluginName}), and a parameter record gives its defaults with {@link Default}.
 */
package org.transferlab.core.plugin;
