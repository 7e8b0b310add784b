package org.transferlab.transfer.selection;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import org.transferlab.core.plugin.PluginBindings;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;

/** Registers and looks up {@link Validator}s on top of {@link PluginBindings#named}. */
public final class ValidatorBindings {
    private static final TypeLiteral<Validator> VALIDATOR = new TypeLiteral<>() { };

    private ValidatorBindings() {
    }

    /** Registers a validator under {@code name}. */
    public static void validator(Binder binder, String name, Class<? extends Validator> validator) {
        PluginBindings.named(binder, VALIDATOR, name, validator);
    }

    /** The registered validators. */
    public static PluginRegistry<Validator> registry(Plugins plugins) {
        return plugins.registry("validator", VALIDATOR);
    }
}
