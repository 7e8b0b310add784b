package org.transferlab.transfer.forecast;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import org.transferlab.core.plugin.PluginBindings;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;

/** Registers and looks up {@link TransferabilityScore}s on top of {@link PluginBindings#named}. */
public final class ScoreBindings {
    private static final TypeLiteral<TransferabilityScore> SCORE = new TypeLiteral<>() { };

    private ScoreBindings() {
    }

    /** Registers a transferability score under {@code name}. */
    public static void score(Binder binder, String name, Class<? extends TransferabilityScore> score) {
        PluginBindings.named(binder, SCORE, name, score);
    }

    /** The registered transferability scores. */
    public static PluginRegistry<TransferabilityScore> registry(Plugins plugins) {
        return plugins.registry("transferability score", SCORE);
    }
}
