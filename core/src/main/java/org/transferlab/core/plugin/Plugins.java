package org.transferlab.core.plugin;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.transferlab.core.TransferLabException;

/**
 * Discovers every {@link TransferLabModule} on the class path and wires them into one injector, from
 * which the registries of each plugin kind are read.
 */
public final class Plugins {
    private final Injector injector;

    private Plugins(Injector injector) {
        this.injector = injector;
    }

    /** Every module listed under {@code META-INF/services} on the class path of {@code loader}. */
    public static Plugins discover(ClassLoader loader) {
        List<TransferLabModule> modules = new ArrayList<>();
        ServiceLoader.load(TransferLabModule.class, loader).forEach(modules::add);
        return of(modules);
    }

    public static Plugins discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /** Exactly these modules; tests use it to wire a chosen set. */
    public static Plugins of(List<? extends TransferLabModule> modules) {
        try {
            return new Plugins(Guice.createInjector(modules));
        } catch (CreationException e) {
            throw new TransferLabException("plugin wiring failed: " + e.getMessage(), e);
        }
    }

    /** The registry of plugins of {@code type} registered with {@link PluginBindings#named}. */
    @SuppressWarnings("unchecked")
    public <T> PluginRegistry<T> registry(String kind, TypeLiteral<T> type) {
        Key<Map<String, T>> key = (Key<Map<String, T>>) Key.get(Types.mapOf(String.class, type.getType()));
        Map<String, T> byName = injector.getExistingBinding(key) == null ? Map.of() : injector.getInstance(key);
        return new PluginRegistry<>(kind, byName);
    }
}
