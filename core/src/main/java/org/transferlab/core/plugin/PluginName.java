package org.transferlab.core.plugin;

import java.util.regex.Pattern;

/** Plugin names are kebab-case: lower-case words of letters and digits joined by single hyphens. */
public final class PluginName {
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private PluginName() {
    }

    public static String requireKebabCase(String name) {
        if (name == null || !KEBAB.matcher(name).matches()) {
            throw new IllegalArgumentException("plugin name '" + name + "' is not kebab-case (like 'fine-tuning')");
        }
        return name;
    }
}
