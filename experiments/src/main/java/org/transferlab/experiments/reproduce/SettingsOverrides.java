package org.transferlab.experiments.reproduce;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlab.core.TransferLabException;
import org.transferlab.experiments.config.YamlBinder;

/**
 * A reproduction's settings with some of them replaced from the command line ({@code --set models=[knn,mlp]}): each
 * key is a settings component in kebab case, each value YAML of that component's type, and the result goes through
 * the settings record's own validation. A key that is not a setting, or a value of the wrong type or out of range, is
 * a {@link TransferLabException} naming it, before anything runs.
 */
public final class SettingsOverrides {
    private SettingsOverrides() {
    }

    /** {@code settings} with every {@code key=value} of {@code overrides} applied, in order. */
    public static <S extends Record> S apply(S settings, List<String> overrides) {
        if (overrides.isEmpty()) {
            return settings;
        }
        RecordComponent[] components = settings.getClass().getRecordComponents();
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            values.put(YamlBinder.kebab(component.getName()), read(component, settings));
        }
        YamlBinder binder = new YamlBinder("--set");
        for (String override : overrides) {
            int equals = override.indexOf('=');
            String key = equals < 0 ? override : override.substring(0, equals).trim();
            if (equals < 0 || !values.containsKey(key)) {
                throw new TransferLabException("--set " + override + ": " + (equals < 0 ? "expected KEY=VALUE" : "no setting '"
                        + key + "'") + "; the settings are " + String.join(", ", values.keySet()));
            }
            RecordComponent component = components[List.copyOf(values.keySet()).indexOf(key)];
            values.put(key, binder.convert(YamlBinder.parse("--set " + key, override.substring(equals + 1)),
                    component.getGenericType(), key));
        }
        return construct(settings, components, values.values().toArray());
    }

    private static Object read(RecordComponent component, Record settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read setting " + component.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <S extends Record> S construct(S settings, RecordComponent[] components, Object[] arguments) {
        Class<?>[] types = java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = settings.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return (S) canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw new TransferLabException("--set: " + invalid.getMessage(), invalid);
            }
            throw new IllegalStateException("cannot make the settings", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the settings", e);
        }
    }
}
