package org.transferlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.SealedTestAccess;
import org.transferlab.core.data.TestPartitionSealedException;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.TrainShare;

/**
 * The contract every domain loader meets (see {@link DomainLoader}), for a plugin's own tests: extend this class
 * in your test sources, return your loader and the parameters of a small domain, write the files it reads in
 * {@link #writeData}, and JUnit runs every check below against it.
 *
 * <pre>{@code
 * class MyLoaderContractTest extends DomainLoaderContract {
 *     protected DomainLoader<?> loader() { return new MyLoader(); }
 *     protected String parameters() { return "{file: tiny.csv, target: label}"; }
 *     protected void writeData(Path dataDirectory) throws IOException { Files.writeString(dataDirectory.resolve("tiny.csv"), ...); }
 *     protected List<String> badParameters() { return List.of("{file: tiny.csv, target: no-such-column}"); }
 * }
 * }</pre>
 *
 * <p>The checks: the parameters bind from YAML as a config binds them and {@code task(parameters)} is the loaded
 * domain's task; the domain has the name it was given, a train and a test partition, and its test partition
 * cannot be opened while a model is fitted; every example, train and test, has an identity ({@code ExampleIds},
 * {@code ExampleOrigin}) and no example is in both partitions; loading twice gives the same examples and
 * identities; when the loader says two domains of these parameters share examples, the two halves of
 * {@code TrainShare} are disjoint parts of the whole train partition; each of {@link #badParameters()} fails
 * with a {@link TransferLabException} that says what is wrong; and a loader that reads files fails the same
 * way, naming the data directory, when they are missing.
 */
public abstract class DomainLoaderContract {
    // Not private: JUnit injects it; a subclass writes its files through writeData's argument.
    @TempDir
    Path dataDirectory;

    /** The loader under test. */
    protected abstract DomainLoader<?> loader();

    /** The parameters of a small domain, as a YAML mapping written in a config's domain entry, without {@code loader}. */
    protected abstract String parameters();

    /**
     * Writes the files the loader reads into {@code dataDirectory} (a fresh temporary folder per check). By
     * default nothing: a loader that overrides this is also checked to fail cleanly when the files are missing.
     */
    protected void writeData(Path dataDirectory) throws IOException {
    }

    /** The context loads run with; by default the whole train partition under {@code dataDirectory}. */
    protected LoadContext context(Path dataDirectory, TrainShare share) {
        return new LoadContext(dataDirectory, share);
    }

    /**
     * Parameters that must be refused, each a YAML mapping ({@code "{sex: 3}"}): by the record's constructor
     * when bound, or by {@code load}, with a {@link TransferLabException}. None by default.
     */
    protected List<String> badParameters() {
        return List.of();
    }

    private String who() {
        return loader().getClass().getSimpleName() + " " + parameters();
    }

    private Domain load(String yaml, TrainShare share) {
        return load(loader(), yaml, share);
    }

    private <P extends Record> Domain load(DomainLoader<P> loader, String yaml, TrainShare share) {
        P bound = ContractParameters.bind("parameters() of " + loader.getClass().getSimpleName(), yaml, loader.parametersType());
        Domain domain = loader.load("contract", bound, context(dataDirectory, share));
        assertTrue(domain != null, who() + " returned no domain");
        assertEquals(loader.task(bound), domain.task(), who() + ": task(parameters) is not the loaded domain's task");
        return domain;
    }

    private Domain loadWithData(TrainShare share) throws IOException {
        writeData(dataDirectory);
        return load(parameters(), share);
    }

    @Test
    public void loadsANamedDomainWhoseTestPartitionIsSealedWhileFitting() throws IOException {
        Domain domain = loadWithData(TrainShare.ALL);
        assertEquals("contract", domain.name(), who() + ": the domain has the name it was loaded under");
        assertTrue(domain.train().size() > 0, who() + ": an empty train partition");
        assertTrue(domain.test().size() > 0, who() + ": an empty test partition");
        TestPartitionSealedException e = assertThrows(TestPartitionSealedException.class,
                () -> SealedTestAccess.sealed("a contract test's model", () -> domain.test().open()));
        assertTrue(e.getMessage().contains("'contract'"), e.getMessage());
    }

    @Test
    public void everyExampleHasAnIdentityAndNoneIsInBothPartitions() throws IOException {
        Domain domain = loadWithData(TrainShare.ALL);
        Examples test = domain.test().open();
        assertTrue(domain.train().ids().isPresent(), who() + ": the train partition has no example identities (Examples.withIds)");
        assertTrue(test.ids().isPresent(), who() + ": the test partition has no example identities (Examples.withIds)");
        ExampleIds train = domain.train().ids().get();
        ExampleIds held = test.ids().get();
        assertEquals(domain.train().size(), train.size());
        assertEquals(test.size(), held.size());
        Map<ExampleOrigin, Integer> index = new HashMap<>();
        Set<Long> trainKeys = keys(train, index, held);
        assertEquals(train.size(), trainKeys.size(), who() + ": two train examples have one identity");
        for (long key : keys(held, index, train)) {
            if (trainKeys.contains(key)) {
                fail(who() + ": an example is in both the train and the test partition");
            }
        }
    }

    /** The keys of {@code ids}, over one origin index shared with {@code other}, so equal keys are equal identities. */
    private static Set<Long> keys(ExampleIds ids, Map<ExampleOrigin, Integer> index, ExampleIds other) {
        for (ExampleIds block : List.of(ids, other)) {
            for (ExampleOrigin origin : block.origins()) {
                index.putIfAbsent(origin, index.size());
            }
        }
        Set<Long> keys = new HashSet<>();
        for (long key : ids.keys(index::get)) {
            keys.add(key);
        }
        return keys;
    }

    @Test
    public void loadingTwiceGivesTheSameExamples() throws IOException {
        Domain first = loadWithData(TrainShare.ALL);
        Domain second = load(parameters(), TrainShare.ALL);
        assertEquals(first.classNames(), second.classNames(), who());
        assertEquals(first.shape(), second.shape(), who());
        assertSame(first.train(), second.train(), "train partition");
        assertSame(first.test().open(), second.test().open(), "test partition");
    }

    private void assertSame(Examples first, Examples second, String what) {
        assertArrayEquals(first.featureMatrix(), second.featureMatrix(), who() + ": the " + what + "'s features differ");
        if (first.hasClasses()) {
            assertArrayEquals(first.classes(), second.classes(), who() + ": the " + what + "'s classes differ");
        } else {
            assertArrayEquals(first.values(), second.values(), who() + ": the " + what + "'s values differ");
        }
        assertEquals(first.ids().map(ids -> keyList(ids)), second.ids().map(ids -> keyList(ids)),
                who() + ": the " + what + "'s identities differ");
    }

    private static List<String> keyList(ExampleIds ids) {
        return java.util.stream.IntStream.range(0, ids.size()).mapToObj(i -> ids.get(i).origin().key() + "#" + ids.get(i).row()).toList();
    }

    @Test
    public void theHalvesOfASharedTrainPartitionAreDisjointParts() throws IOException {
        assumeTrue(sharesExamples(loader()), "the loader says domains of these parameters share no examples");
        ExampleIds all = idsOf(loadWithData(TrainShare.ALL).train());
        ExampleIds first = idsOf(load(parameters(), TrainShare.FIRST_HALF).train());
        ExampleIds second = idsOf(load(parameters(), TrainShare.SECOND_HALF).train());
        Map<ExampleOrigin, Integer> index = new HashMap<>();
        Set<Long> whole = keys(all, index, first.concat(second));
        Set<Long> firstKeys = keys(first, index, all);
        Set<Long> secondKeys = keys(second, index, all);
        assertTrue(whole.containsAll(firstKeys) && whole.containsAll(secondKeys), who() + ": a half holds examples the whole train partition does not");
        assertTrue(!firstKeys.isEmpty() && !secondKeys.isEmpty(), who() + ": an empty half");
        firstKeys.retainAll(secondKeys);
        assertTrue(firstKeys.isEmpty(), who() + ": the two halves share " + firstKeys.size() + " examples");
    }

    private ExampleIds idsOf(Examples train) {
        assertTrue(train.ids().isPresent(), who() + ": the train partition has no example identities (Examples.withIds)");
        return train.ids().get();
    }

    private <P extends Record> boolean sharesExamples(DomainLoader<P> loader) {
        P bound = ContractParameters.bind("parameters()", parameters(), loader.parametersType());
        return loader.sharesExamples(bound, bound);
    }

    @Test
    public void badParametersFailWithAMessage() throws IOException {
        writeData(dataDirectory);
        for (String bad : badParameters()) {
            TransferLabException e = assertThrows(TransferLabException.class, () -> load(bad, TrainShare.ALL),
                    who() + ": " + bad + " was accepted");
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), who() + ": " + bad + " failed without a message");
        }
    }

    @Test
    public void missingDataFailsWithAMessageNamingWhereItLooked() throws Exception {
        assumeTrue(readsFiles(), "the loader reads no files");
        assertEquals(0, countFiles(dataDirectory), "the data directory starts empty");
        TransferLabException e = assertThrows(TransferLabException.class, () -> load(parameters(), TrainShare.ALL),
                who() + " loaded a domain from an empty data directory");
        assertTrue(e.getMessage() != null && e.getMessage().contains(dataDirectory.toString()),
                who() + ": the message does not name the data directory " + dataDirectory + ": " + e.getMessage());
    }

    /**
     * Whether the loader reads files from the data directory, and so must fail cleanly when they are missing; by
     * default, whether this test overrides {@link #writeData}.
     */
    protected boolean readsFiles() {
        try {
            return findWriteData(getClass()).getDeclaringClass() != DomainLoaderContract.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static java.lang.reflect.Method findWriteData(Class<?> type) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod("writeData", Path.class);
            } catch (NoSuchMethodException e) {
                // Declared further up.
            }
        }
        throw new NoSuchMethodException("writeData");
    }

    private static long countFiles(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }
}
