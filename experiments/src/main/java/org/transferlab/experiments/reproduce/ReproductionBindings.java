package org.transferlab.experiments.reproduce;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import org.transferlab.core.plugin.PluginBindings;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;

/** Registers and looks up reproductions under their names ({@link PluginBindings#named}), as LoaderBindings does for loaders. */
public final class ReproductionBindings {
    private static final TypeLiteral<Reproduction<?>> TYPE = new TypeLiteral<>() { };

    private ReproductionBindings() {
    }

    /** Registers a reproduction under {@code name}, which must be the one its {@link Reproduction#name()} returns. */
    public static void reproduction(Binder binder, String name, Class<? extends Reproduction<?>> reproduction) {
        PluginBindings.named(binder, TYPE, name, reproduction);
    }

    /** The registered reproductions; an unknown name fails with the list of known ones. */
    public static PluginRegistry<Reproduction<?>> registry(Plugins plugins) {
        return plugins.registry("reproduction", TYPE);
    }
}
