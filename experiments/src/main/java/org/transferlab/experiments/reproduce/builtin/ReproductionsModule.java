package org.transferlab.experiments.reproduce.builtin;

import com.google.inject.AbstractModule;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.experiments.reproduce.ReproductionBindings;
import org.transferlab.experiments.reproduce.daume.Daume2007;
import org.transferlab.experiments.reproduce.fashion.BenchmarkClassifier;
import org.transferlab.experiments.reproduce.fashion.FashionMnistBenchmark;
import org.transferlab.experiments.reproduce.yosinski.Selffer;
import org.transferlab.experiments.reproduce.yosinski.Yosinski2014;

/**
 * Registers the built-in paper reproductions, and the strategies only they brought (the selffer control, the
 * benchmark's classical classifiers). It has a package of its own because it sees every reproduction's
 * package, which all depend on {@code org.transferlab.experiments.reproduce}: there it would make a package cycle.
 */
public final class ReproductionsModule extends AbstractModule implements TransferLabModule {
    @Override
    protected void configure() {
        ReproductionBindings.reproduction(binder(), Yosinski2014.NAME, Yosinski2014.class);
        org.transferlab.transfer.StrategyBindings.strategy(binder(), Selffer.NAME, Selffer.class);
        ReproductionBindings.reproduction(binder(), FashionMnistBenchmark.NAME, FashionMnistBenchmark.class);
        org.transferlab.transfer.StrategyBindings.strategy(binder(), BenchmarkClassifier.NAME, BenchmarkClassifier.class);
        ReproductionBindings.reproduction(binder(), Daume2007.NAME, Daume2007.class);
    }
}
