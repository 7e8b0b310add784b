package org.transferlab.transfer;

import org.transferlab.transfer.engine.FitSummary;
import org.transferlab.transfer.engine.TrainingLog;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.SealedTestAccess;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartitionSealedException;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.SourceTrainer;

/**
 * The contract every registered strategy meets, run over the registry so a new strategy is covered
 * the moment it is registered: it fits a small synthetic target, predicts valid classes, does better
 * than chance, is deterministic for a seed, and leaves the shared source model untouched. Each strategy is
 * run with its defaults and once for every other value of each of its enum parameters (the models of
 * {@code target-only}, {@code pooled}, {@code augment} and {@code oracle}, {@code tribuo-head}'s classifiers),
 * as a study's variants {@code target-only@logistic: {model: logistic}} would run it.
 */
class StrategyContractTest {
    private static final LoadContext CONTEXT = LoadContext.of(Path.of("unused"));
    static final NetworkSpec NETWORK = new NetworkSpec(NetworkSpec.Type.MLP, List.of(16, 8), List.of(), 2, 32, 0.01, 1);
    private static final Domain SOURCE = synthetic("source", 0, 11);
    private static final Domain TARGET = synthetic("target", 0.5, 12);
    private static final SourceModel SOURCE_MODEL = SourceTrainer.train(SOURCE, NETWORK, 5, TrainingLog.NONE);

    static Domain synthetic(String name, double shift, long sampleSeed) {
        return new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 10, 600, 300,
                2, 1, shift, 1, 2, sampleSeed), CONTEXT);
    }

    /** A registered strategy with its defaults, except {@code parameter} (kebab-case) set to {@code value}, if any. */
    record Variant(String name, String parameter, String value) {
        TransferStrategy<?> strategy() {
            return StrategyBindings.registry(Plugins.discover()).get(name);
        }

        @Override
        public String toString() {
            return parameter == null ? name : name + " {" + parameter + ": " + value + "}";
        }
    }

    static Stream<Variant> strategies() {
        PluginRegistry<TransferStrategy<?>> registry = StrategyBindings.registry(Plugins.discover());
        List<Variant> variants = new ArrayList<>();
        for (String name : registry.names()) {
            variants.add(new Variant(name, null, null));
            for (RecordComponent component : registry.get(name).parametersType().getRecordComponents()) {
                if (component.getType().isEnum()) {
                    String fallback = component.getAnnotation(Default.class).value();
                    for (Object constant : component.getType().getEnumConstants()) {
                        String value = ((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                        if (!value.equals(fallback)) {
                            variants.add(new Variant(name, component.getName(), value));
                        }
                    }
                }
            }
        }
        return variants.stream();
    }

    @Test
    void theVariantsCoverEveryClassicalModelOfTheBaselines() {
        List<String> variants = strategies().map(Variant::toString).toList();
        for (String expected : List.of("target-only {model: logistic}", "target-only {model: xgboost}",
                "pooled {model: logistic}", "pooled {model: xgboost}", "augment {model: logistic}", "oracle {model: logistic}")) {
            assertTrue(variants.contains(expected), expected + " in " + variants);
        }
    }

    static TransferContext context(Domain target, long seed, TrainingLog log) {
        LabelledSplit budget = new BudgetSampler(0.2).draw(target, LabelBudget.perClass(20), 3);
        return new TransferContext(target.name(), target.task(), target.classNames(), target.shape(), budget, NETWORK,
                () -> SOURCE_MODEL, seed, log).withAdaptationData(new TransferContext.SourceData(SOURCE.classNames(), SOURCE.train()),
                        target.train().withoutLabels());
    }

    static <P extends Record> Fitted fitWithDefaults(TransferStrategy<P> strategy, TransferContext context) {
        return fit(strategy, null, null, context);
    }

    static Fitted fit(Variant variant, TransferContext context) {
        return fit(variant.strategy(), variant.parameter(), variant.value(), context);
    }

    /** Fits {@code strategy} with its defaults, but {@code parameter} (a component name; null for none) set to {@code value}. */
    @SuppressWarnings("unchecked")
    static <P extends Record> Fitted fit(TransferStrategy<P> strategy, String parameter, String value, TransferContext context) {
        try {
            RecordComponent[] components = strategy.parametersType().getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String text = components[i].getName().equals(parameter) ? value : components[i].getAnnotation(Default.class).value();
                Class<?> type = components[i].getType();
                values[i] = type == int.class ? Integer.parseInt(text) : type == double.class ? Double.parseDouble(text)
                        : type == long.class ? Long.parseLong(text) : type == boolean.class ? Boolean.parseBoolean(text)
                        : type.isEnum() ? enumConstant(type, text) : text;
            }
            Class<?>[] types = java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            P parameters = strategy.parametersType().getDeclaredConstructor(types).newInstance(values);
            return SealedTestAccess.sealed("contract test", () -> strategy.fit(parameters, context));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("strategy parameters must be constructible from their defaults", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String text) {
        return Enum.valueOf((Class) type, text.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void fitsPredictsValidClassesAndBeatsChance(Variant variant) {
        String name = variant.toString();
        List<String> phases = new ArrayList<>();
        Fitted fitted = fit(variant, context(TARGET, 9, (phase, epoch, t, ta, v, a) -> phases.add(phase)));
        Examples test = TARGET.test().open();
        int[] predicted = fitted.predictClasses(test);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            assertTrue(predicted[i] >= 0 && predicted[i] < 3);
            correct += predicted[i] == test.classOf(i) ? 1 : 0;
        }
        assertTrue(correct > 0.6 * predicted.length, name + " accuracy " + (double) correct / predicted.length);
        assertFalse(phases.isEmpty(), "every network strategy records its learning curve");
        assertTrue(fitted.summary().bestEpoch() <= fitted.summary().epochsRun());
        assertTrue(fitted.summary().epochsRun() == 0 || fitted.summary().bestEpoch() >= 1, "a trained model keeps some epoch");
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void theSameSeedGivesTheSamePredictions(Variant variant) {
        Examples test = TARGET.test().open();
        int[] first = fit(variant, context(TARGET, 4, TrainingLog.NONE)).predictClasses(test);
        int[] second = fit(variant, context(TARGET, 4, TrainingLog.NONE)).predictClasses(test);
        assertArrayEquals(first, second);
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void aFitDependsOnlyOnItsSeedNotOnWhatRanBeforeOrBeside(Variant variant) throws Exception {
        Examples test = TARGET.test().open();
        int[] alone = fit(variant, context(TARGET, 6, TrainingLog.NONE)).predictClasses(test);
        // Draw from ND4J's random generator on this thread, as any other cell would.
        org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 10, 10);
        int[] afterOtherWork = fit(variant, context(TARGET, 6, TrainingLog.NONE)).predictClasses(test);
        assertArrayEquals(alone, afterOtherWork);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<int[]>> parallel = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                parallel.add(pool.submit(() -> fit(variant, context(TARGET, 6, TrainingLog.NONE)).predictClasses(test)));
            }
            for (java.util.concurrent.Future<int[]> result : parallel) {
                assertArrayEquals(alone, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void theSharedSourceModelIsNotChangedByFitting(Variant variant) {
        float[] before = SOURCE_MODEL.copy().params().toFloatVector();
        fit(variant, context(TARGET, 4, TrainingLog.NONE));
        assertArrayEquals(before, SOURCE_MODEL.copy().params().toFloatVector());
    }

    @Test
    void theBuiltInStrategiesAreRegistered() {
        PluginRegistry<TransferStrategy<?>> registry = StrategyBindings.registry(Plugins.discover());
        assertEquals(List.of("augment", "coral", "discriminative-fine-tuning", "feature-extraction", "fine-tuning", "l2-sp",
                "layer-transfer", "linint", "lp-ft", "oracle", "pooled", "pred", "source-only", "target-only", "tribuo-head", "weighted"),
                List.copyOf(registry.names()));
    }

    /** A strategy that tries to look at the target's test partition while fitting. */
    private record Peeking(Domain target) implements TransferStrategy<Peeking.Parameters> {
        record Parameters() {
        }

        @Override
        public Class<Parameters> parametersType() {
            return Parameters.class;
        }

        @Override
        public boolean supports(TaskType task) {
            return true;
        }


        @Override
        public Fitted fit(Parameters parameters, TransferContext context) {
            Examples test = target.test().open();
            return Fitted.classes(examples -> new int[examples.size()], FitSummary.NONE);
        }
    }

    @Test
    void aStrategyThatOpensTheTestPartitionWhileFittingFails() {
        Domain target = synthetic("peeked", 0.5, 13);
        Peeking cheat = new Peeking(target);
        TestPartitionSealedException e = assertThrows(TestPartitionSealedException.class,
                () -> SealedTestAccess.sealed("strategy 'peeking'", () -> cheat.fit(new Peeking.Parameters(),
                        context(target, 1, TrainingLog.NONE))));
        assertTrue(e.getMessage().contains("domain 'peeked'"), e.getMessage());
    }

    @Test
    void theContextHoldsNoTestData() {
        for (java.lang.reflect.Field field : TransferContext.class.getDeclaredFields()) {
            assertFalse(Domain.class.isAssignableFrom(field.getType()), "TransferContext must not hold a Domain");
            assertFalse(org.transferlab.core.data.TestPartition.class.isAssignableFrom(field.getType()),
                    "TransferContext must not hold a TestPartition");
        }
    }
}
