package org.transferlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.StrategyBindings;
import org.transferlab.transfer.TransferStrategy;

/** What the registries of strategies hold, read from the plugins on the class path. */
class StrategyRegistriesTest {
    @Test
    void theVariantsCoverEveryClassicalModelOfTheBaselines() {
        List<String> variants = BuiltInStrategiesContractTest.variants().stream().map(Object::toString).toList();
        for (String expected : List.of("target-only {model: logistic}", "target-only {model: xgboost}",
                "pooled {model: logistic}", "pooled {model: xgboost}", "augment {model: logistic}", "oracle {model: logistic}")) {
            assertTrue(variants.contains(expected), expected + " in " + variants);
        }
    }

    @Test
    void everyStrategyIsRegisteredForTheOneTaskItSupports() {
        Plugins plugins = Plugins.discover();
        for (TaskType task : TaskType.values()) {
            for (String name : StrategyBindings.registry(plugins, task).names()) {
                TransferStrategy<?> strategy = StrategyBindings.registry(plugins, task).get(name);
                assertEquals(List.of(task), List.of(TaskType.values()).stream().filter(strategy::supports).toList(),
                        task + " strategy '" + name + "'");
            }
        }
    }
}
