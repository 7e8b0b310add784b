/**
 * Plugin wiring with Guice. A jar adds domain loaders or strategies with a {@link TransferLabModule} (found
 * through ServiceLoader) that registers them by name with {@link PluginBindings}; {@link Plugins} builds the
 * injector and reads each kind's {@link PluginRegistry}, whose lookup of an unknown name lists the known ones.
 * This package knows no plugin type: each kind has its own typed bindings in its own package
 * ({@code org.transferlab.core.loader.LoaderBindings}, {@code org.transferlab.transfer.StrategyBindings}), so
 * that the loaders can depend on this package without it depending on them.
 * Names are kebab-case ({@link PluginName}), and a parameter record gives its defaults with {@link Default}.
 */
package org.transferlab.core.plugin;
