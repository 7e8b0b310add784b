package org.transferlab.transfer.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.StrategyBindings;
import org.transferlab.transfer.TransferStrategy;

/**
 * Registry names and class names cannot drift apart: every built-in strategy's class Javadoc says the name and task
 * it is registered under, and {@link StrategiesModule}'s Javadoc table lists exactly the registered names and classes.
 */
class RegistryNamesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern TABLE_ROW = Pattern.compile(
            "<tr><td>(\\w+)</td><td>\\{@code ([\\w-]+)}</td><td>\\{@link (\\w+)}</td></tr>");

    /** One registered strategy: its task, its registry name and the simple name of its class. */
    private record Entry(String task, String name, String className) {
    }

    @Test
    void everyStrategyClassSaysItsRegistryNameAndTask() throws IOException {
        List<String> silent = new ArrayList<>();
        for (TaskType task : TaskType.values()) {
            PluginRegistry<TransferStrategy<?>> registry = StrategyBindings.registry(Plugins.of(List.of(new StrategiesModule())), task);
            for (String name : registry.names()) {
                Class<?> type = registry.get(name).getClass();
                String sentence = "Registered as {@code " + name + "} among the " + taskName(task) + " strategies.";
                if (!classJavadoc(type).contains(sentence)) {
                    silent.add(type.getName() + " should say: " + sentence);
                }
            }
        }
        assertEquals(List.of(), silent);
    }

    @Test
    void theModulesTableListsExactlyTheRegisteredNamesAndClasses() throws IOException {
        List<Entry> registered = new ArrayList<>();
        for (TaskType task : TaskType.values()) {
            PluginRegistry<TransferStrategy<?>> registry = StrategyBindings.registry(Plugins.of(List.of(new StrategiesModule())), task);
            registry.names().forEach(name -> registered.add(new Entry(taskName(task), name, registry.get(name).getClass().getSimpleName())));
        }
        List<Entry> table = new ArrayList<>();
        Matcher row = TABLE_ROW.matcher(classJavadoc(StrategiesModule.class));
        while (row.find()) {
            table.add(new Entry(row.group(1), row.group(2), row.group(3)));
        }
        assertTrue(registered.size() > 20, "the built-in strategies are registered: " + registered);
        assertEquals(List.of(), missing(registered, table), "registered but not in StrategiesModule's table");
        assertEquals(List.of(), missing(table, registered), "in StrategiesModule's table but not registered");
        assertEquals(registered.size(), table.size(), "one table row per registered strategy: " + table);
    }

    private static List<Entry> missing(List<Entry> entries, List<Entry> from) {
        return entries.stream().filter(entry -> !from.contains(entry)).toList();
    }

    private static String taskName(TaskType task) {
        return task.name().toLowerCase(Locale.ROOT);
    }

    /** The Javadoc right before {@code type}'s declaration in its source file, its lines joined with spaces. */
    private static String classJavadoc(Class<?> type) throws IOException {
        String source = Files.readString(SOURCES.resolve(type.getName().replace('.', '/') + ".java"));
        Matcher declaration = Pattern.compile("\\bclass " + type.getSimpleName() + "\\b").matcher(source);
        if (!declaration.find()) {
            throw new AssertionError("no declaration of " + type.getName() + " in its source file");
        }
        int end = source.lastIndexOf("*/", declaration.start());
        int start = source.lastIndexOf("/**", end);
        if (start < 0 || end < 0) {
            return "";
        }
        return source.substring(start + 3, end).replaceAll("\\s*\\n\\s*\\*\\s?", " ");
    }
}
