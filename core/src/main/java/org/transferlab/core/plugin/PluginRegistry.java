package org.transferlab.core.plugin;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.transferlab.core.TransferLabException;

/**
 * The plugins of one kind (domain loaders, transfer strategies), by name. Looking up an unknown name
 * fails with the list of known names, so a typo in a config is fixed in one step.
 *
 * @param <T> the plugin type
 */
public final class PluginRegistry<T> {
    private final String kind;
    private final Map<String, T> byName;

    public PluginRegistry(String kind, Map<String, T> byName) {
        this.kind = kind;
        this.byName = new TreeMap<>(byName);
    }

    public T get(String name) {
        T plugin = byName.get(name);
        if (plugin == null) {
            String plural = kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
            throw new TransferLabException("unknown " + kind + " '" + name + "'; known " + plural + ": "
                    + String.join(", ", byName.keySet()));
        }
        return plugin;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The registered names, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }
}
