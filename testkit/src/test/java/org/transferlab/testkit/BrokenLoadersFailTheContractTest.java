package org.transferlab.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;

/** Each check of {@link DomainLoaderContract} fails for a loader that breaks it; the loaders bend the synthetic loader. */
class BrokenLoadersFailTheContractTest {
    @TempDir
    Path dataDirectory;

    /** The synthetic loader's domain of {@code size} train and test examples, passed through {@code bend}. */
    private static class Bent implements DomainLoader<Bent.Parameters> {
        record Parameters(int size) {
        }

        private final UnaryOperator<Domain> bend;
        private final AtomicLong loads = new AtomicLong();

        Bent(UnaryOperator<Domain> bend) {
            this.bend = bend;
        }

        @Override
        public Class<Parameters> parametersType() {
            return Parameters.class;
        }

        @Override
        public TaskType task(Parameters parameters) {
            return TaskType.CLASSIFICATION;
        }

        long sampleSeed() {
            return 3;
        }

        @Override
        public Domain load(String name, Parameters p, LoadContext context) {
            loads.incrementAndGet();
            return bend.apply(new SyntheticLoader().load(name, new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 2, 3,
                    Math.max(1, p.size()), Math.max(1, p.size()), 2, 1, 0, 1, 2, sampleSeed()), context));
        }
    }

    private DomainLoaderContract contractOf(DomainLoader<?> loader, String bad) {
        DomainLoaderContract contract = new DomainLoaderContract() {
            @Override
            protected DomainLoader<?> loader() {
                return loader;
            }

            @Override
            protected String parameters() {
                return "{size: 20}";
            }

            @Override
            protected List<String> badParameters() {
                return bad == null ? List.of() : List.of(bad);
            }
        };
        contract.dataDirectory = dataDirectory;
        return contract;
    }

    private static Domain with(Domain d, Examples train, Examples test) {
        return new Domain(d.name(), d.task(), d.classNames(), d.shape(), train, new TestPartition(d.name(), test), d.provenance());
    }

    private static Examples withoutIds(Examples e) {
        return Examples.classified(e.featureMatrix(), e.featureCount(), e.classes());
    }

    private static void fails(Executable check, String expected) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, check);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theSyntheticLoaderItselfMeetsTheContract() throws Exception {
        DomainLoaderContract contract = contractOf(new Bent(d -> d), null);
        contract.loadsANamedDomainWhoseTestPartitionIsSealedWhileFitting();
        contract.everyExampleHasAnIdentityAndNoneIsInBothPartitions();
        contract.loadingTwiceGivesTheSameExamples();
    }

    @Test
    void aDomainUnderAnotherNameOrWithoutTestExamplesFails() {
        fails(contractOf(new Bent(d -> new Domain("other", d.task(), d.classNames(), d.shape(), d.train(),
                d.test(), d.provenance())), null)::loadsANamedDomainWhoseTestPartitionIsSealedWhileFitting, "the name it was loaded under");
        fails(contractOf(new Bent(d -> with(d, d.train(), d.train().subset(new int[0]))), null)
                ::loadsANamedDomainWhoseTestPartitionIsSealedWhileFitting, "an empty test partition");
    }

    @Test
    void examplesWithoutIdentitiesOrInBothPartitionsFail() {
        fails(contractOf(new Bent(d -> with(d, withoutIds(d.train()), d.test().open())), null)
                ::everyExampleHasAnIdentityAndNoneIsInBothPartitions, "the train partition has no example identities");
        fails(contractOf(new Bent(d -> with(d, d.train(), d.train().subset(new int[] {0, 1}))), null)
                ::everyExampleHasAnIdentityAndNoneIsInBothPartitions, "in both the train and the test partition");
    }

    @Test
    void aLoaderThatDrawsNewExamplesOnEveryLoadFails() {
        AtomicLong seed = new AtomicLong();
        Bent drifting = new Bent(d -> d) {
            @Override
            long sampleSeed() {
                return seed.incrementAndGet();
            }
        };
        fails(contractOf(drifting, null)::loadingTwiceGivesTheSameExamples, "features differ");
    }

    @Test
    void aTaskThatIsNotTheLoadedOnesFails() {
        Bent misdeclared = new Bent(d -> d) {
            @Override
            public TaskType task(Parameters parameters) {
                return TaskType.CLUSTERING;
            }
        };
        fails(contractOf(misdeclared, null)::loadingTwiceGivesTheSameExamples, "task(parameters) is not the loaded domain's task");
    }

    @Test
    void halvesThatOverlapFail() {
        Bent ignoresShares = new Bent(d -> d) {
            @Override
            public boolean sharesExamples(Parameters first, Parameters second) {
                return true;
            }
        };
        fails(contractOf(ignoresShares, null)::theHalvesOfASharedTrainPartitionAreDisjointParts, "the two halves share");
    }

    @Test
    void badParametersThatAreAcceptedFail() {
        fails(contractOf(new Bent(d -> d), "{size: -1}")::badParametersFailWithAMessage, "{size: -1} was accepted");
    }

    @Test
    void missingFilesThatFailWithoutATransferLabExceptionNamingThemFail() {
        DomainLoaderContract unchecked = readingContract(dir -> {
            throw new UncheckedIOException(new IOException("no such file"));
        });
        assertThrows(AssertionFailedError.class, unchecked::missingDataFailsWithAMessageNamingWhereItLooked);
        DomainLoaderContract vague = readingContract(dir -> {
            throw new TransferLabException("a file is missing");
        });
        fails(vague::missingDataFailsWithAMessageNamingWhereItLooked, "does not name the data directory");
    }

    /** A contract whose loader reads data.bin from the data directory, and calls {@code missing} when it is absent. */
    private DomainLoaderContract readingContract(java.util.function.Consumer<Path> missing) {
        Bent reading = new Bent(d -> d) {
            @Override
            public Domain load(String name, Parameters p, LoadContext context) {
                if (!Files.exists(context.dataDirectory().resolve("data.bin"))) {
                    missing.accept(context.dataDirectory());
                }
                return super.load(name, p, context);
            }
        };
        DomainLoaderContract contract = new DomainLoaderContract() {
            @Override
            protected DomainLoader<?> loader() {
                return reading;
            }

            @Override
            protected String parameters() {
                return "{size: 20}";
            }

            @Override
            protected void writeData(Path directory) throws IOException {
                Files.write(directory.resolve("data.bin"), new byte[] {1});
            }
        };
        contract.dataDirectory = dataDirectory;
        return contract;
    }
}
