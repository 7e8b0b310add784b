package org.transferlab.transfer;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.plugin.PluginBindings;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;

/**
 * Registers and looks up transfer strategies on top of {@link PluginBindings#named}, as {@code LoaderBindings} does
 * for loaders. Each task has its own registry, so the same name ({@code target-only}, {@code pooled}) can mean
 * the same idea for classification, regression and clustering; {@code builtin.StrategiesModule} has the table of
 * names and classes.
 */
public final class StrategyBindings {
    private static final TypeLiteral<TransferStrategy<?>> CLASSIFICATION = new TypeLiteral<>() { };
    private static final TypeLiteral<RegressionStrategy<?>> REGRESSION = new TypeLiteral<>() { };
    private static final TypeLiteral<ClusteringStrategy<?>> CLUSTERING = new TypeLiteral<>() { };

    private StrategyBindings() {
    }

    /** Registers a classification strategy under {@code name} (the strategy's {@code NAME} constant). */
    public static void strategy(Binder binder, String name, Class<? extends TransferStrategy<?>> strategy) {
        PluginBindings.named(binder, CLASSIFICATION, name, strategy);
    }

    /** Registers a regression strategy under {@code name}. */
    public static void regression(Binder binder, String name, Class<? extends RegressionStrategy<?>> strategy) {
        PluginBindings.named(binder, REGRESSION, name, strategy);
    }

    /** Registers a clustering strategy under {@code name}. */
    public static void clustering(Binder binder, String name, Class<? extends ClusteringStrategy<?>> strategy) {
        PluginBindings.named(binder, CLUSTERING, name, strategy);
    }

    /** The classification strategies. */
    public static PluginRegistry<TransferStrategy<?>> registry(Plugins plugins) {
        return plugins.registry("classification strategy", CLASSIFICATION);
    }

    /** The strategies that fit domains of {@code task}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static PluginRegistry<TransferStrategy<?>> registry(Plugins plugins, TaskType task) {
        return switch (task) {
            case CLASSIFICATION -> registry(plugins);
            case REGRESSION -> (PluginRegistry) plugins.registry("regression strategy", REGRESSION);
            case CLUSTERING -> (PluginRegistry) plugins.registry("clustering strategy", CLUSTERING);
        };
    }
}
