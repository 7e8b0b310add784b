package org.transferlab.testkit;

import java.util.List;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.reproduce.Reproduction;
import org.transferlab.experiments.reproduce.ReproductionBindings;

/**
 * Every registered reproduction meets {@link ReproductionContract}, read from the registry. Their tiny runs are
 * not repeated here: each built-in one has its own tiny run, with its report checked, in the experiments module
 * ({@code Daume2007Test}, {@code Yosinski2014Test}, {@code FashionMnistBenchmarkTest}).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("names")
class BuiltInReproductionsContractTest extends ReproductionContract {
    private final String name;

    BuiltInReproductionsContractTest(String name) {
        this.name = name;
    }

    static List<String> names() {
        return List.copyOf(ReproductionBindings.registry(Plugins.discover()).names());
    }

    @Override
    protected Reproduction<?> reproduction() {
        return ReproductionBindings.registry(Plugins.discover()).get(name);
    }
}
