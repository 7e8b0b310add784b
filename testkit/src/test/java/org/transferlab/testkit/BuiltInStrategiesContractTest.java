package org.transferlab.testkit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.StrategyBindings;
import org.transferlab.transfer.TransferStrategy;

/**
 * Every registered strategy of every task meets {@link StrategyContract}, read from the registry so a new strategy
 * is covered the moment it is registered. A classification strategy is run with its defaults and once for every
 * other value of each of its enum parameters (the models of {@code target-only}, {@code pooled}, {@code augment}
 * and {@code oracle}, {@code tribuo-head}'s classifiers), as a study's variants
 * {@code target-only@logistic: {model: logistic}} would run it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("variants")
class BuiltInStrategiesContractTest extends StrategyContract {
    private final Variant variant;

    BuiltInStrategiesContractTest(Variant variant) {
        this.variant = variant;
    }

    /** A registered strategy of {@code task} with its defaults, except {@code parameter} (kebab-case) set to {@code value}, if any. */
    record Variant(TaskType task, String name, String parameter, String value) {
        String yaml() {
            return parameter == null ? "{}" : "{" + parameter + ": " + value + "}";
        }

        @Override
        public String toString() {
            String strategy = task == TaskType.CLASSIFICATION ? name : task.name().toLowerCase(Locale.ROOT) + " " + name;
            return parameter == null ? strategy : strategy + " " + yaml();
        }
    }

    static List<Variant> variants() {
        Plugins plugins = Plugins.discover();
        List<Variant> variants = new ArrayList<>();
        for (TaskType task : TaskType.values()) {
            PluginRegistry<TransferStrategy<?>> registry = StrategyBindings.registry(plugins, task);
            for (String name : registry.names()) {
                variants.add(new Variant(task, name, null, null));
                if (task == TaskType.CLASSIFICATION) {
                    variants.addAll(enumVariants(name, registry.get(name)));
                }
            }
        }
        return variants;
    }

    private static List<Variant> enumVariants(String name, TransferStrategy<?> strategy) {
        List<Variant> variants = new ArrayList<>();
        for (RecordComponent component : strategy.parametersType().getRecordComponents()) {
            Default fallback = component.getAnnotation(Default.class);
            if (component.getType().isEnum()) {
                for (Object constant : component.getType().getEnumConstants()) {
                    String value = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-');
                    if (fallback == null || !value.equals(fallback.value())) {
                        variants.add(new Variant(TaskType.CLASSIFICATION, name, kebab(component.getName()), value));
                    }
                }
            }
        }
        return variants;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @Override
    protected TransferStrategy<?> strategy() {
        return StrategyBindings.registry(Plugins.discover(), variant.task()).get(variant.name());
    }

    /**
     * Joint-training strategies run a few epochs here rather than their default twenty: each epoch is a pass over the
     * whole source sample, and the contract's checks do not depend on how long training runs.
     */
    private static final java.util.Set<String> FEW_EPOCHS = java.util.Set.of("dann", "mmd", "deep-coral", "mcc", "bss", "cdan",
            "shot", "delta", "co-tuning");

    @Override
    protected String parameters() {
        if (variant.parameter() == null && variant.task() == TaskType.CLASSIFICATION && FEW_EPOCHS.contains(variant.name())) {
            return "{max-epochs: 3}";
        }
        return variant.yaml();
    }

    @Override
    protected TaskType task() {
        return variant.task();
    }

    /**
     * The benchmark's classical classifiers train without epochs and report none: a training accuracy, as
     * target-only's classical models log, would cost an RBF SVM or k-NN on 60,000 images more than its test.
     */
    @Override
    protected boolean recordsLearningCurve() {
        return super.recordsLearningCurve()
                && !variant.name().equals(org.transferlab.experiments.reproduce.fashion.BenchmarkClassifier.NAME);
    }
}
