package org.transferlab.core.loader.imagefolder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleId;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.SplitConflict;
import org.transferlab.core.loader.TrainShare;

/** The image-folder loader on folders the tests write: layouts, colour, size, the split, halves and identities. */
class ImageFolderLoaderTest {
    private static final List<String> SHAPES = List.of("red", "green", "blue");
    private final ImageFolderLoader loader = new ImageFolderLoader();

    @TempDir
    Path data;

    static ImageFolderLoader.Parameters parameters(String folder, List<String> classes, int channels, int side) {
        return new ImageFolderLoader.Parameters(folder, classes, channels, side, side, ImageFolderLoader.MismatchedSizes.ERROR,
                0.3, 0, TaskType.CLASSIFICATION);
    }

    private Domain load(ImageFolderLoader.Parameters p) {
        return load(p, TrainShare.ALL);
    }

    private Domain load(ImageFolderLoader.Parameters p, TrainShare share) {
        return loader.load("d", p, new LoadContext(data, share));
    }

    private static Set<ExampleId> ids(Examples examples) {
        Set<ExampleId> ids = new HashSet<>();
        for (int i = 0; i < examples.size(); i++) {
            ids.add(examples.ids().orElseThrow().get(i));
        }
        return ids;
    }

    private static ExampleOrigin originOf(Path file) throws Exception {
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        return ExampleOrigin.ofFile(HexFormat.of().formatHex(sha), file);
    }

    private static float[] row(Examples examples, int row) {
        float[] x = new float[examples.featureCount()];
        for (int j = 0; j < x.length; j++) {
            x[j] = examples.feature(row, j);
        }
        return x;
    }

    @Test
    void classFoldersAreSortedClassesAndImagesAreChannelMajorRgbInZeroToOne() throws Exception {
        ImageFixtures.folder(data.resolve("shapes"), SHAPES, 10, 8, "png");
        Domain domain = load(parameters("shapes", List.of(), 3, 8));
        assertEquals(List.of("blue", "green", "red"), domain.classNames(), "the folder names, sorted");
        assertEquals(FeatureShape.image(3, 8, 8), domain.shape());
        assertEquals(21, domain.train().size(), "7 of each class's 10 images");
        assertEquals(9, domain.test().size(), "round(0.3 x 10) = 3 of each class");
        assertEquals("blue,green,red", domain.provenance().get("classes"));
        assertEquals("class folders", domain.provenance().get("layout"));

        // Row 0 of the train partition is the first blue image not held out; its content tells which it is.
        Examples train = domain.train();
        ExampleId first = train.ids().orElseThrow().get(0);
        String file = first.origin().name().substring("file ".length());
        int index = Integer.parseInt(file.substring(file.lastIndexOf("img-") + 4, file.lastIndexOf('.')));
        java.awt.image.BufferedImage expected = ImageFixtures.stripes(2, index, 8, 8);
        float[] x = row(train, 0);
        for (int y = 0; y < 8; y++) {
            for (int c = 0; c < 8; c++) {
                int rgb = expected.getRGB(c, y);
                assertEquals(((rgb >> 16) & 0xff) / 255f, x[y * 8 + c], "red plane");
                assertEquals(((rgb >> 8) & 0xff) / 255f, x[64 + y * 8 + c], "green plane");
                assertEquals((rgb & 0xff) / 255f, x[128 + y * 8 + c], "blue plane");
            }
        }
        assertEquals(0, train.classOf(0), "blue is label 0");
        assertEquals(originOf(Path.of(file)), first.origin(), "an image is known by its file's content");
    }

    @Test
    void filesAreReadInSortedOrderWhateverOrderTheyWereWritten() throws Exception {
        for (int i = 9; i >= 0; i--) {
            ImageFixtures.write(ImageFixtures.stripes(0, i, 4, 4), "png", data.resolve("f/a/" + (char) ('a' + i) + ".png"));
            ImageFixtures.write(ImageFixtures.stripes(1, i, 4, 4), "png", data.resolve("f/b/" + (char) ('a' + i) + ".png"));
        }
        Domain domain = load(parameters("f", List.of(), 3, 4));
        List<String> names = new ArrayList<>();
        for (Examples part : List.of(domain.train(), domain.test().open())) {
            List<String> partNames = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                String name = part.ids().orElseThrow().get(i).origin().name();
                partNames.add(name.substring(name.indexOf("/f/")));
            }
            List<String> sorted = new ArrayList<>(partNames);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, partNames);
            names.addAll(partNames);
        }
        assertEquals(20, new HashSet<>(names).size());
    }

    @Test
    void aClassFilterTakesThoseClassesLabelledInTheOrderGiven() {
        ImageFixtures.folder(data.resolve("shapes"), SHAPES, 10, 8, "png");
        Domain domain = load(parameters("shapes", List.of("red", "blue"), 3, 8));
        assertEquals(List.of("red", "blue"), domain.classNames());
        assertEquals("red,blue", domain.provenance().get("classes"));
        assertEquals("blue,green,red", domain.provenance().get("folder-classes"));
        assertArrayEquals(new int[] {7, 7}, domain.train().classCounts(2));
        // Red stripes are horizontal and red: label 0 must be the red images.
        for (int i = 0; i < domain.train().size(); i++) {
            float redPlaneMax = 0;
            for (int j = 0; j < 64; j++) {
                redPlaneMax = Math.max(redPlaneMax, domain.train().feature(i, j));
            }
            assertEquals(domain.train().classOf(i) == 0, redPlaneMax > 0.5f, "row " + i);
        }
    }

    @Test
    void trainAndTestFoldersAreTheFoldersOwnSplit() {
        ImageFixtures.splitFolder(data.resolve("split"), SHAPES, 6, 2, 8);
        Domain domain = load(parameters("split", List.of("green", "red"), 3, 8));
        assertEquals(12, domain.train().size());
        assertEquals(4, domain.test().size());
        assertEquals("train and test folders", domain.provenance().get("layout"));
        assertEquals("the folder's own train and test folders", domain.provenance().get("split"));
        for (int i = 0; i < domain.test().size(); i++) {
            assertTrue(domain.test().open().ids().orElseThrow().get(i).origin().name().contains("/split/test/"));
        }
        for (int i = 0; i < domain.train().size(); i++) {
            assertTrue(domain.train().ids().orElseThrow().get(i).origin().name().contains("/split/train/"));
        }
        Domain first = load(parameters("split", List.of("green", "red"), 3, 8), TrainShare.FIRST_HALF);
        Domain second = load(parameters("split", List.of("green", "red"), 3, 8), TrainShare.SECOND_HALF);
        assertEquals(6, first.train().size());
        assertEquals(6, second.train().size());
        assertEquals(Set.of(), intersection(ids(first.train()), ids(second.train())));
    }

    @Test
    void greyscaleIsTheLumaOfColourAndGreyImagesAreReadWithoutAGammaCurve() {
        ImageFixtures.folder(data.resolve("shapes"), SHAPES, 10, 8, "png");
        Domain grey = load(parameters("shapes", List.of("green"), 1, 8));
        assertEquals(FeatureShape.image(1, 8, 8), grey.shape());
        String file = grey.train().ids().orElseThrow().get(0).origin().name();
        int index = Integer.parseInt(file.substring(file.lastIndexOf("img-") + 4, file.lastIndexOf('.')));
        float green = ImageFixtures.level(index) / 255f;
        Set<Float> values = new HashSet<>();
        for (int j = 0; j < 64; j++) {
            values.add(grey.train().feature(0, j));
        }
        assertEquals(Set.of(0f, 0.587f * green), values, "green has luma 0.587 G");

        for (int i = 0; i < 6; i++) {
            ImageFixtures.write(ImageFixtures.grey(128, i, 4, 4), "png", data.resolve("grey/mid/" + i + ".png"));
            ImageFixtures.write(ImageFixtures.grey(64, i, 4, 4), "png", data.resolve("grey/dark/" + i + ".png"));
        }
        Domain rgb = load(parameters("grey", List.of("mid"), 3, 4));
        for (int c = 0; c < 3; c++) {
            assertEquals(128 / 255f, rgb.train().feature(0, c * 16), "grey 128 is 128/255 in every channel, not sRGB-brightened");
        }
        assertEquals(128 / 255f, load(parameters("grey", List.of("mid"), 1, 4)).train().feature(0, 0));
    }

    @Test
    void jpegsAreReadToo() {
        ImageFixtures.folder(data.resolve("photos"), SHAPES, 5, 12, "jpg");
        Domain domain = load(parameters("photos", List.of(), 3, 12));
        assertEquals(9, domain.train().size(), "3 of each class's 5, round(0.3 x 5) = 2 held out");
        for (int j = 0; j < domain.train().featureCount(); j++) {
            float v = domain.train().feature(0, j);
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void imagesAreResizedToTheConfiguredSize() {
        ImageFixtures.folder(data.resolve("shapes"), SHAPES, 10, 12, "png");
        Domain small = load(parameters("shapes", List.of(), 3, 6));
        assertEquals(FeatureShape.image(3, 6, 6), small.shape());
        assertEquals("30", small.provenance().get("images-resized"));
        Domain same = load(parameters("shapes", List.of(), 3, 12));
        assertEquals("0", same.provenance().get("images-resized"));
        // Area averaging: each 6x6 pixel is the mean of a 2x2 block of the 12x12 image.
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 6; x++) {
                    double mean = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            mean += same.train().feature(3, c * 144 + (2 * y + dy) * 12 + 2 * x + dx) / 4.0;
                        }
                    }
                    assertEquals(mean, small.train().feature(3, c * 36 + y * 6 + x), 1e-6);
                }
            }
        }
        ImageFolderLoader.Parameters wide = new ImageFolderLoader.Parameters("shapes", List.of(), 1, 20, 5,
                ImageFolderLoader.MismatchedSizes.ERROR, 0.3, 0, TaskType.CLASSIFICATION);
        assertEquals(FeatureShape.image(1, 5, 20), load(wide).shape());
    }

    @Test
    void imagesOfSeveralSizesAreResizedOnlyWhenTheConfigSaysSo() {
        ImageFixtures.folder(data.resolve("mixed"), SHAPES, 4, 8, "png");
        ImageFixtures.write(ImageFixtures.stripes(0, 50, 10, 6), "png", data.resolve("mixed/red/img-50.png"));
        ImageFolderLoader.Parameters resize = new ImageFolderLoader.Parameters("mixed", List.of(), 3, 8, 8,
                ImageFolderLoader.MismatchedSizes.RESIZE, 0.3, 0, TaskType.CLASSIFICATION);
        Domain domain = load(resize);
        assertEquals(13, domain.train().size() + domain.test().size());
        assertEquals("1", domain.provenance().get("images-resized"));
    }

    @Test
    void theSplitIsSeededStratifiedAndTheSameForEveryDomainOfTheFolder() {
        ImageFixtures.folder(data.resolve("shapes"), SHAPES, 10, 4, "png");
        Domain all = load(parameters("shapes", List.of(), 3, 4));
        assertArrayEquals(new int[] {3, 3, 3}, all.test().open().classCounts(3), "each class holds out round(0.3 x 10)");
        assertEquals(ids(all.test().open()), ids(load(parameters("shapes", List.of(), 3, 4)).test().open()), "seeded");
        ImageFolderLoader.Parameters otherSeed = new ImageFolderLoader.Parameters("shapes", List.of(), 3, 4, 4,
                ImageFolderLoader.MismatchedSizes.ERROR, 0.3, 1, TaskType.CLASSIFICATION);
        assertNotEquals(ids(all.test().open()), ids(load(otherSeed).test().open()), "another seed, another split");

        Domain red = load(parameters("shapes", List.of("red"), 1, 2));
        Set<ExampleId> redOfAll = new HashSet<>();
        for (int i = 0; i < all.test().size(); i++) {
            if (all.test().open().classOf(i) == 2) {
                redOfAll.add(all.test().open().ids().orElseThrow().get(i));
            }
        }
        assertEquals(redOfAll, ids(red.test().open()), "a class filter, another size or channels: the folder's one split");
    }

    @Test
    void halvesAreDisjointWithinTheFoldersTrainImagesWhateverTheClasses() {
        ImageFixtures.folder(data.resolve("shapes"), SHAPES, 10, 4, "png");
        Domain all = load(parameters("shapes", List.of(), 3, 4));
        Domain first = load(parameters("shapes", List.of("blue", "green"), 3, 4), TrainShare.FIRST_HALF);
        Domain second = load(parameters("shapes", List.of("green", "red"), 3, 4), TrainShare.SECOND_HALF);
        assertEquals(Set.of(), intersection(ids(first.train()), ids(second.train())));
        assertEquals(Set.of(), intersection(ids(first.train()), ids(second.test().open())));
        assertEquals(Set.of(), intersection(ids(second.train()), ids(first.test().open())));
        assertTrue(ids(all.train()).containsAll(ids(first.train())));
        Domain secondGreen = load(parameters("shapes", List.of("green"), 3, 4), TrainShare.SECOND_HALF);
        Domain firstGreen = load(parameters("shapes", List.of("green"), 3, 4), TrainShare.FIRST_HALF);
        assertEquals(7, firstGreen.train().size() + secondGreen.train().size(), "the halves of green's 7 train images");
        assertEquals(ids(first.train()).stream().filter(ids(firstGreen.train())::contains).count(), firstGreen.train().size());
    }

    @Test
    void aCopyOfTheFolderHoldsTheSameExamples() throws IOException {
        ImageFixtures.folder(data.resolve("shapes"), SHAPES, 10, 4, "png");
        ImageFixtures.folder(data.resolve("copy"), SHAPES, 10, 4, "png");
        Domain original = load(parameters("shapes", List.of(), 3, 4));
        Domain copy = load(parameters("copy", List.of(), 1, 8));
        assertEquals(ids(original.test().open()), ids(copy.test().open()));
        assertEquals(original.provenance().get("folder-sha256"), copy.provenance().get("folder-sha256"));
        ImageFixtures.write(ImageFixtures.stripes(1, 99, 4, 4), "png", data.resolve("copy/green/img-05.png"));
        assertNotEquals(original.provenance().get("folder-sha256"), load(parameters("copy", List.of(), 1, 8))
                .provenance().get("folder-sha256"), "an edited image changes the fingerprint");
    }

    @Test
    void domainsOfOneFolderShareExamplesUnlessTheirClassesAreDisjoint() {
        assertTrue(loader.sharesExamples(parameters("shapes", List.of("red"), 3, 4), parameters("./shapes/", List.of(), 1, 8)));
        assertTrue(loader.sharesExamples(parameters("shapes", List.of("red", "blue"), 3, 4),
                parameters("shapes", List.of("blue"), 3, 4)));
        assertFalse(loader.sharesExamples(parameters("shapes", List.of("red"), 3, 4), parameters("shapes", List.of("blue"), 3, 4)));
        assertFalse(loader.sharesExamples(parameters("shapes", List.of(), 3, 4), parameters("other", List.of(), 3, 4)));
    }

    @Test
    void domainsOfOneFolderThatWouldSplitItDifferentlyConflict() {
        ImageFolderLoader.Parameters a = parameters("shapes", List.of("red"), 3, 4);
        ImageFolderLoader.Parameters b = new ImageFolderLoader.Parameters("shapes/.", List.of("blue"), 1, 8, 8,
                ImageFolderLoader.MismatchedSizes.RESIZE, 0.3, 7, TaskType.CLASSIFICATION);
        assertEquals(java.util.Optional.of(new SplitConflict("shapes", "split-seed", "0", "7")), loader.splitConflict(a, b));
        ImageFolderLoader.Parameters c = new ImageFolderLoader.Parameters("shapes", List.of(), 3, 4, 4,
                ImageFolderLoader.MismatchedSizes.ERROR, 0.5, 0, TaskType.CLASSIFICATION);
        assertEquals(java.util.Optional.of(new SplitConflict("shapes", "test-fraction", "0.3", "0.5")), loader.splitConflict(a, c));
        assertEquals(java.util.Optional.empty(), loader.splitConflict(a, parameters("shapes", List.of("blue"), 1, 8)));
        assertEquals(java.util.Optional.empty(), loader.splitConflict(a, new ImageFolderLoader.Parameters("other", List.of(), 3, 4,
                4, ImageFolderLoader.MismatchedSizes.ERROR, 0.5, 3, TaskType.CLASSIFICATION)));
    }

    private static <T> Set<T> intersection(Set<T> a, Set<T> b) {
        Set<T> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
