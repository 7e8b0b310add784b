package org.transferlab.core.loader;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import org.transferlab.core.plugin.PluginBindings;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;

/**
 * Registers and looks up domain loaders on top of {@link PluginBindings#named}, as the transfer module's
 * {@code StrategyBindings} does for strategies, so that the plugin wiring needs no loader type.
 */
public final class LoaderBindings {
    private static final TypeLiteral<DomainLoader<?>> TYPE = new TypeLiteral<>() { };

    private LoaderBindings() {
    }

    /** Registers a domain loader under {@code name} (the loader's {@code NAME} constant). */
    public static void domainLoader(Binder binder, String name, Class<? extends DomainLoader<?>> loader) {
        PluginBindings.named(binder, TYPE, name, loader);
    }

    /** The registered domain loaders; an unknown name fails with the list of known ones. */
    public static PluginRegistry<DomainLoader<?>> registry(Plugins plugins) {
        return plugins.registry("domain loader", TYPE);
    }
}
