package org.transferlab.core.plugin;

import com.google.inject.Module;

/**
 * The ServiceLoader key for TransferLab plugins. A jar adds domain loaders or transfer strategies by
 * implementing this interface with a Guice module that registers them through
 * {@code LoaderBindings} or {@code StrategyBindings} (both built on {@link PluginBindings}), and listing the class in
 * {@code META-INF/services/org.transferlab.core.plugin.TransferLabModule}. Modules only bind: no I/O
 * and no conditionals, so discovering plugins is cheap and has no side effects.
 */
public interface TransferLabModule extends Module {
}
