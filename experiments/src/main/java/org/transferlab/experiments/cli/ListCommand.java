package org.transferlab.experiments.cli;

import java.io.PrintWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.concurrent.Callable;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoaderBindings;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.forecast.ScoreBindings;
import org.transferlab.transfer.forecast.TransferabilityScore;
import org.transferlab.transfer.selection.Validator;
import org.transferlab.transfer.selection.ValidatorBindings;
import org.transferlab.experiments.config.YamlBinder;
import org.transferlab.transfer.StrategyBindings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * Lists the registered domain loaders and strategies, each by its registry name with the class that implements it
 * (names are per task: clustering's {@code target-only} is {@code ClusterTargetOnly}), and its parameters and defaults.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the registered domain loaders, transfer strategies, transferability scores and validators (registry name and implementing class), "
                + "with their parameters and defaults.")
final class ListCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plugins plugins = Plugins.discover();
        print(out, "domain loaders", LoaderBindings.registry(plugins), loader -> loader.parametersType());
        for (TaskType task : TaskType.values()) {
            out.println();
            print(out, task.name().toLowerCase(java.util.Locale.ROOT) + " strategies", StrategyBindings.registry(plugins, task),
                    strategy -> strategy.parametersType());
        }
        out.println();
        out.println("transferability scores (./transferlab forecast):");
        PluginRegistry<TransferabilityScore> scores = ScoreBindings.registry(plugins);
        for (String name : scores.names()) {
            out.printf("  %-28s %s%n    %s%n", name, scores.get(name).getClass().getName(), scores.get(name).description());
        }
        out.println();
        out.println("validators (selection: NAME; target-validation, the default, reads the budget's labelled validation split):");
        PluginRegistry<Validator> validators = ValidatorBindings.registry(plugins);
        for (String name : validators.names()) {
            Validator validator = validators.get(name);
            out.printf("  %-28s %s%n    %s%s%n", name, validator.getClass().getName(), validator.description(),
                    validator.readsSource() ? "; reads held-out source examples of the target's classes" : "");
        }
        return 0;
    }

    private static <T> void print(PrintWriter out, String title, PluginRegistry<T> registry,
                                  java.util.function.Function<T, Class<? extends Record>> parameters) {
        out.println(title + ":");
        for (String name : registry.names()) {
            T plugin = registry.get(name);
            out.printf("  %-28s %s%n", name, plugin.getClass().getName());
            for (RecordComponent component : parameters.apply(plugin).getRecordComponents()) {
                Default fallback = component.getAnnotation(Default.class);
                out.printf("    %-18s %-14s %s%n", YamlBinder.kebab(component.getName()), typeName(component.getGenericType()),
                        fallback == null ? "(required)" : "default " + (fallback.value().isEmpty() ? "\"\"" : fallback.value()));
            }
        }
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return "list of " + typeName(parameterized.getActualTypeArguments()[0]);
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isEnum()) {
            return "enum";
        }
        return raw.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
