package org.transferlab.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;

/**
 * The cost of drawing one cell's label budget from a Fashion-MNIST-sized train partition (30,000
 * examples of 784 features, 5 classes), which every cell of a study pays once.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BudgetDrawBenchmark {
    @Param({"5", "100"})
    public int perClass;

    private Domain domain;
    private BudgetSampler sampler;

    @Setup
    public void load() {
        domain = new SyntheticLoader().load("target", new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 5, 784,
                30_000, 10, 2, 1, 0, 1, 2, 3), LoadContext.of(Path.of("unused")));
        sampler = new BudgetSampler(0.2);
    }

    @Benchmark
    public LabelledSplit drawBudget() {
        return sampler.draw(domain, LabelBudget.perClass(perClass), 42);
    }
}
