package org.transferlab.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartitionSealedException;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.StrategyBindings;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.TransferStrategy;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.engine.TrainingLog;

/**
 * Each check of {@link StrategyContract} fails for a strategy that breaks it. The broken strategies fit the
 * registered {@code target-only} and break one rule around it, so each failure is the rule's.
 */
class BrokenStrategiesFailTheContractTest {
    /** A classification strategy without parameters that fits target-only on a context of its own making. */
    private abstract static class Broken implements TransferStrategy<Broken.None> {
        record None() {
        }

        @Override
        public Class<None> parametersType() {
            return None.class;
        }

        @Override
        public boolean supports(TaskType task) {
            return task == TaskType.CLASSIFICATION;
        }

        static Fitted targetOnly(TransferContext context) {
            return fitDefaults(StrategyBindings.registry(Plugins.discover()).get("target-only"), context);
        }

        private static <P extends Record> Fitted fitDefaults(TransferStrategy<P> strategy, TransferContext context) {
            return strategy.fit(ContractParameters.bind("target-only", "{}", strategy.parametersType()), context);
        }

        static TransferContext with(TransferContext c, LabelledSplit budget, long seed, TrainingLog log) {
            return new TransferContext(c.targetName(), c.task(), c.classNames(), c.shape(), budget, c.network(), c::sourceModel,
                    seed, log).withAdaptationData(c.sourceData(), c.unlabelledTarget());
        }
    }

    private static StrategyContract contractOf(TransferStrategy<?> strategy) {
        return new StrategyContract() {
            @Override
            protected TransferStrategy<?> strategy() {
                return strategy;
            }
        };
    }

    @Test
    void aStrategyThatOpensATestPartitionWhileFittingFails() {
        StrategyContract contract = contractOf(new Broken() {
            @Override
            public Fitted fit(None parameters, TransferContext context) {
                Domain target = new SyntheticLoader().load("peeked", new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 10,
                        600, 300, 2, 1, 0.5, 1, 2, 12), LoadContext.of(java.nio.file.Path.of("unused")));
                Examples test = target.test().open();
                return targetOnly(context);
            }
        });
        TestPartitionSealedException e = assertThrows(TestPartitionSealedException.class,
                contract::fitsWithTheTestPartitionSealedAndPredictsEveryTestExample);
        assertTrue(e.getMessage().contains("domain 'peeked'"), e.getMessage());
    }

    @Test
    void aStrategyThatLearnsTheWrongClassesFailsTheScore() {
        StrategyContract contract = contractOf(new Broken() {
            @Override
            public Fitted fit(None parameters, TransferContext context) {
                return targetOnly(withShiftedLabels(context));
            }
        });
        AssertionFailedError e = assertThrows(AssertionFailedError.class, contract::fitsWithTheTestPartitionSealedAndPredictsEveryTestExample);
        assertTrue(e.getMessage().contains("on the synthetic target, below 0.6"), e.getMessage());
    }

    /** The context with every budget label moved to the next class: a fit on it predicts the wrong classes. */
    private static TransferContext withShiftedLabels(TransferContext context) {
        LabelledSplit b = context.budget();
        return Broken.with(context, new LabelledSplit(shifted(b.train(), context), shifted(b.validation(), context),
                b.trainRows(), b.validationRows()), context.seed(), context.log());
    }

    private static Examples shifted(Examples examples, TransferContext context) {
        int[] classes = examples.classes();
        for (int i = 0; i < classes.length; i++) {
            classes[i] = (classes[i] + 1) % context.classCount();
        }
        return Examples.classified(examples.featureMatrix(), examples.featureCount(), classes);
    }

    @Test
    void aStrategyThatRecordsNoLearningCurveFails() {
        StrategyContract contract = contractOf(new Broken() {
            @Override
            public Fitted fit(None parameters, TransferContext context) {
                return targetOnly(with(context, context.budget(), context.seed(), TrainingLog.NONE));
            }
        });
        AssertionFailedError e = assertThrows(AssertionFailedError.class, contract::fitsWithTheTestPartitionSealedAndPredictsEveryTestExample);
        assertTrue(e.getMessage().contains("records no learning curve"), e.getMessage());
    }

    @Test
    void aStrategyWhoseSeedIsNotItsOwnFailsTheDeterminismChecks() {
        AtomicLong calls = new AtomicLong();
        StrategyContract everyCallDiffers = contractOf(new Broken() {
            @Override
            public Fitted fit(None parameters, TransferContext context) {
                // Every other call learns from other labels, as if it read some state besides its seed.
                return targetOnly(calls.incrementAndGet() % 2 == 0 ? context : withShiftedLabels(context));
            }
        });
        AssertionFailedError e = assertThrows(AssertionFailedError.class, everyCallDiffers::theSameSeedGivesTheSamePredictions);
        assertTrue(e.getMessage().contains("is not deterministic for a seed"), e.getMessage());
        Thread testThread = Thread.currentThread();
        StrategyContract threadDependent = contractOf(new Broken() {
            @Override
            public Fitted fit(None parameters, TransferContext context) {
                // Fits on other threads learn from other labels, as if they shared state with what runs beside them.
                return targetOnly(Thread.currentThread() == testThread ? context : withShiftedLabels(context));
            }
        });
        threadDependent.theSameSeedGivesTheSamePredictions();
        e = assertThrows(AssertionFailedError.class, threadDependent::aFitDependsOnlyOnItsSeedNotOnWhatRanBeforeOrBeside);
        assertTrue(e.getMessage().contains("depends on what runs beside it"), e.getMessage());
    }

    @Test
    void aStrategyThatChangesTheSharedSourceModelFails() {
        StrategyContract contract = contractOf(new Broken() {
            @Override
            public Fitted fit(None parameters, TransferContext context) {
                try {
                    java.lang.reflect.Field field = SourceModel.class.getDeclaredField("parameters");
                    field.setAccessible(true);
                    ((org.nd4j.linalg.api.ndarray.INDArray) field.get(context.sourceModel())).addi(0.5);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                return targetOnly(context);
            }
        });
        AssertionFailedError e = assertThrows(AssertionFailedError.class, contract::theSharedSourceModelIsNotChangedByFitting);
        assertTrue(e.getMessage().contains("changed the shared source model"), e.getMessage());
    }

    @Test
    void aStrategyThatSaysItUsesNoTargetLabelsButDoesFails() {
        StrategyContract contract = contractOf(new Broken() {
            @Override
            public boolean usesTargetLabels() {
                return false;
            }

            @Override
            public Fitted fit(None parameters, TransferContext context) {
                return targetOnly(context);
            }
        });
        AssertionFailedError e = assertThrows(AssertionFailedError.class, contract::aStrategyThatSaysItUsesNoTargetLabelsFitsTheSameWithOtherLabels);
        assertTrue(e.getMessage().contains("says it uses no target labels"), e.getMessage());
    }

    @Test
    void aStrategyThatSaysItReadsNoSourceModelButDoesFails() {
        StrategyContract contract = contractOf(new Broken() {
            @Override
            public boolean usesSourceModel(None parameters) {
                return false;
            }

            @Override
            public Fitted fit(None parameters, TransferContext context) {
                context.sourceModel();
                return targetOnly(context);
            }
        });
        AssertionError e = assertThrows(AssertionError.class, contract::aStrategyThatSaysItReadsNoSourceModelFitsTheSameWithoutOne);
        assertTrue(e.getMessage().contains("says it reads no source model (usesSourceModel), but asked for one"), e.getMessage());
    }

    /** Its one parameter has no default, so "{}" does not bind, as a config without it would not. */
    private static final class RequiredParameter implements TransferStrategy<RequiredParameter.Parameters> {
        record Parameters(int size) {
        }

        @Override
        public Class<Parameters> parametersType() {
            return Parameters.class;
        }

        @Override
        public boolean supports(TaskType task) {
            return task == TaskType.CLASSIFICATION;
        }

        @Override
        public Fitted fit(Parameters parameters, TransferContext context) {
            return Broken.targetOnly(context);
        }
    }

    @Test
    void parametersThatDoNotBindAsAConfigWouldFail() {
        StrategyContract contract = contractOf(new RequiredParameter());
        TransferLabException e = assertThrows(TransferLabException.class, contract::supportsTheTaskItIsTestedOnAndBindsItsParameters);
        assertTrue(e.getMessage().contains("size"), e.getMessage());
        StrategyContract wrongTask = new StrategyContract() {
            @Override
            protected TransferStrategy<?> strategy() {
                return new RequiredParameter();
            }

            @Override
            protected TaskType task() {
                return TaskType.REGRESSION;
            }
        };
        assertThrows(AssertionFailedError.class, wrongTask::supportsTheTaskItIsTestedOnAndBindsItsParameters);
    }
}
