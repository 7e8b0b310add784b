package org.transferlab.core.plugin;

import com.google.inject.Binder;
import com.google.inject.Scopes;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;

/**
 * Typed helpers that hide Guice's {@link MapBinder}: one call registers one plugin under its name.
 * Registering two plugins under the same name fails when the injector is created.
 */
public final class PluginBindings {
    private PluginBindings() {
    }

    /**
     * Registers any plugin type under a kebab-case name; each kind's own bindings (loaders, strategies,
     * reproductions) build on this, so this package knows no plugin type.
     */
    public static <T> void named(Binder binder, TypeLiteral<T> type, String name, Class<? extends T> implementation) {
        MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), type)
                .addBinding(PluginName.requireKebabCase(name))
                .to(implementation)
                .in(Scopes.SINGLETON);
    }
}
