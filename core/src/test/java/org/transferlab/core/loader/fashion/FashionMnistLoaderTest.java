package org.transferlab.core.loader.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleId;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.TrainShare;

class FashionMnistLoaderTest {
    @TempDir
    Path data;

    private static final FashionMnistFiles UNCHECKED = new FashionMnistFiles(List.of(), Optional.empty(), Map.of());

    private static FashionMnistLoader.Parameters classes(List<Integer> classes, double noise) {
        return new FashionMnistLoader.Parameters(classes, 0, false, noise, 7, 0, 0, org.transferlab.core.data.TaskType.CLASSIFICATION);
    }

    @Test
    void aDomainIsAClassSubsetRelabelledInOrder() throws IOException {
        IdxFixtures.fashionMnist(data.resolve("fashion-mnist"), 6, 3);
        Domain domain = new FashionMnistLoader(UNCHECKED).load("d", classes(List.of(7, 2), 0), LoadContext.of(data));
        assertEquals(List.of("Sneaker", "Pullover"), domain.classNames());
        assertEquals(12, domain.train().size());
        assertEquals(6, domain.test().size());
        for (int i = 0; i < domain.train().size(); i++) {
            int fashionClass = domain.train().classOf(i) == 0 ? 7 : 2;
            // The fixture lights up row 2c+1 for class c.
            assertTrue(domain.train().feature(i, (2 * fashionClass + 1) * 28 + 10) > 0.4f);
        }
    }

    @Test
    void noiseIsDeterministicAndStaysInRange() throws IOException {
        IdxFixtures.fashionMnist(data.resolve("fashion-mnist"), 4, 2);
        FashionMnistLoader loader = new FashionMnistLoader(UNCHECKED);
        Domain clean = loader.load("clean", classes(List.of(0, 1), 0), LoadContext.of(data));
        Domain noisy = loader.load("noisy", classes(List.of(0, 1), 0.35), LoadContext.of(data));
        Domain again = new FashionMnistLoader(UNCHECKED).load("noisy", classes(List.of(0, 1), 0.35), LoadContext.of(data));
        assertArrayEquals(noisy.train().featureMatrix(), again.train().featureMatrix());
        assertNotEquals(clean.train().feature(0, 0), noisy.train().feature(0, 0) + 1e-9f);
        for (float v : noisy.train().featureMatrix()) {
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void overlappingDomainsGetDisjointHalvesThatCoverTheClass() throws IOException {
        Path dir = IdxFixtures.fashionMnist(data.resolve("fashion-mnist"), 20, 2);
        FashionMnistLoader loader = new FashionMnistLoader(UNCHECKED);
        assertTrue(loader.sharesExamples(classes(List.of(0, 1, 2), 0), classes(List.of(2, 3), 0.3)));
        assertTrue(!loader.sharesExamples(classes(List.of(0, 1), 0), classes(List.of(5, 6), 0)));

        byte[] labels = IdxFile.readLabels(dir.resolve(FashionMnistFiles.TRAIN_LABELS)).data();
        Set<Integer> first = FashionMnistLoader.rowsOf(labels, List.of(0, 1), TrainShare.FIRST_HALF);
        Set<Integer> second = FashionMnistLoader.rowsOf(labels, List.of(0, 1), TrainShare.SECOND_HALF);
        Set<Integer> overlap = new HashSet<>(first);
        overlap.retainAll(second);
        assertTrue(overlap.isEmpty(), "no image may be in both halves");
        Set<Integer> union = new HashSet<>(first);
        union.addAll(second);
        assertEquals(FashionMnistLoader.rowsOf(labels, List.of(0, 1), TrainShare.ALL), union);
        assertEquals(20, first.size());

        Domain half = loader.load("h", classes(List.of(0, 1), 0), new LoadContext(data, TrainShare.SECOND_HALF));
        assertEquals(20, half.train().size());
        assertEquals(4, half.test().size(), "the test partition is never halved");
    }

    @Test
    void imagesAreIdentifiedByTheirFileAndIndexWhateverTheTransform() throws IOException {
        Path dir = IdxFixtures.fashionMnist(data.resolve("fashion-mnist"), 6, 3);
        FashionMnistLoader loader = new FashionMnistLoader(UNCHECKED);
        Domain upright = loader.load("u", classes(List.of(0, 1), 0), new LoadContext(data, TrainShare.FIRST_HALF));
        Domain noisy = loader.load("n", classes(List.of(1, 2), 0.3), new LoadContext(data, TrainShare.SECOND_HALF));
        Domain all = loader.load("a", classes(List.of(1), 0), LoadContext.of(data));
        IdxFile.Content trainImages = IdxFile.readImages(dir.resolve(FashionMnistFiles.TRAIN_IMAGES));
        IdxFile.Content testImages = IdxFile.readImages(dir.resolve(FashionMnistFiles.TEST_IMAGES));
        byte[] labels = IdxFile.readLabels(dir.resolve(FashionMnistFiles.TRAIN_LABELS)).data();
        ExampleIds train = upright.train().ids().orElseThrow();
        assertEquals(List.of(ExampleOrigin.ofFile(trainImages.sha256(), "x")), train.origins());
        assertEquals(List.of(ExampleOrigin.ofFile(testImages.sha256(), "x")), upright.test().ids().orElseThrow().origins());
        Set<Integer> rows = new HashSet<>();
        for (int i = 0; i < train.size(); i++) {
            rows.add(train.get(i).row());
        }
        assertEquals(FashionMnistLoader.rowsOf(labels, List.of(0, 1), TrainShare.FIRST_HALF), rows, "the image indices");
        Set<ExampleId> uprightIds = new HashSet<>();
        for (int i = 0; i < train.size(); i++) {
            uprightIds.add(train.get(i));
        }
        ExampleIds noisyIds = noisy.train().ids().orElseThrow();
        ExampleIds allIds = all.train().ids().orElseThrow();
        for (int i = 0; i < noisyIds.size(); i++) {
            assertFalse(uprightIds.contains(noisyIds.get(i)), "disjoint halves hold no common image");
        }
        assertTrue(java.util.stream.IntStream.range(0, allIds.size()).anyMatch(i -> uprightIds.contains(allIds.get(i))),
                "an image in two domains has one identity");
    }

    @Test
    void missingFilesSayWhatToInstall() {
        FashionMnistFiles nowhere = new FashionMnistFiles(List.of(data.resolve("debian")), Optional.empty(), Map.of());
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> new FashionMnistLoader(nowhere).load("d", classes(List.of(0), 0), LoadContext.of(data)));
        assertTrue(e.getMessage().contains(data.resolve("fashion-mnist") + ": missing train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void aFileWithTheWrongChecksumIsNamed() throws IOException {
        Path dir = IdxFixtures.fashionMnist(data.resolve("fashion-mnist"), 2, 2);
        FashionMnistFiles published = new FashionMnistFiles(List.of(), Optional.empty(), FashionMnistFiles.CONTENT_SHA256);
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> new FashionMnistLoader(published).load("d", classes(List.of(0), 0), LoadContext.of(data)));
        assertTrue(e.getMessage().startsWith(dir.resolve(FashionMnistFiles.TRAIN_IMAGES) + ": content SHA-256 is"), e.getMessage());
    }

    @Test
    void imagesAndLabelsMustMatchInNumber() throws IOException {
        Path dir = IdxFixtures.fashionMnist(data.resolve("fashion-mnist"), 2, 2);
        IdxFixtures.writeLabels(dir.resolve(FashionMnistFiles.TRAIN_LABELS), new byte[] {0, 1, 2}, true);
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> new FashionMnistLoader(UNCHECKED).load("d", classes(List.of(0), 0), LoadContext.of(data)));
        assertEquals(dir.resolve(FashionMnistFiles.TRAIN_IMAGES) + ": has 20 images but its label file has 3 labels; "
                + "they must match one to one", e.getMessage());
    }

    @Test
    void parametersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> classes(List.of(10), 0));
        assertThrows(IllegalArgumentException.class, () -> classes(List.of(1, 1), 0));
        assertThrows(IllegalArgumentException.class, () -> classes(List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> classes(List.of(1), -0.1));
    }

    @Test
    void theDebianPackageFilesMatchThePublishedChecksums() {
        Path debian = FashionMnistFiles.DEBIAN_LOCATION;
        assertTrue(Files.isDirectory(debian), "the Debian package dataset-fashion-mnist is needed; "
                + "./transferlab test installs it");
        Domain all = new FashionMnistLoader().load("all", classes(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 0),
                LoadContext.of(data));
        assertEquals(60000, all.train().size());
        assertEquals(10000, all.test().size());
    }

    @Test
    void aClassificationDomainKeepsTheCanonicalFormItHadBeforeTasksSoItsSeedsStayTheSame() {
        FashionMnistLoader.Parameters p = new FashionMnistLoader.Parameters(java.util.List.of(0, 1), 30, false, 0.5, 7, 0, 0,
                org.transferlab.core.data.TaskType.CLASSIFICATION);
        org.junit.jupiter.api.Assertions.assertEquals("Parameters[classes=[0, 1], rotation=30.0, invert=false, noise=0.5, "
                + "noiseSeed=7, trainPerClass=0, testPerClass=0]", p.toString());
        FashionMnistLoader.Parameters clustering = new FashionMnistLoader.Parameters(java.util.List.of(0, 1), 30, false, 0.5, 7, 0, 0,
                org.transferlab.core.data.TaskType.CLUSTERING);
        org.junit.jupiter.api.Assertions.assertTrue(clustering.toString().endsWith(", task=CLUSTERING]"), clustering.toString());
    }
}
