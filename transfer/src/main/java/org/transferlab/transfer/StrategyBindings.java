package org.transferlab.transfer;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import org.transferlab.core.plugin.PluginBindings;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;

/** Registers and looks up transfer strategies, the way {@link PluginBindings} does for loaders. */
public final class StrategyBindings {
    private static final TypeLiteral<TransferStrategy<?>> TYPE = new TypeLiteral<>() { };

    private StrategyBindings() {
    }

    /** Registers a strategy under {@code name} (the strategy's {@code NAME} constant). */
    public static void strategy(Binder binder, String name, Class<? extends TransferStrategy<?>> strategy) {
        PluginBindings.named(binder, TYPE, name, strategy);
    }

    public static PluginRegistry<TransferStrategy<?>> registry(Plugins plugins) {
        return plugins.registry("strategy", TYPE);
    }
}
