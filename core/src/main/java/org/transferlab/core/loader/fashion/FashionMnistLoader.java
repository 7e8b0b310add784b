package org.transferlab.core.loader.fashion;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.TrainShare;
import org.transferlab.core.plugin.Default;

/**
 * Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017, arXiv:1708.07747): 28x28 grey-scale images of ten
 * clothing classes, 60,000 for training and 10,000 for test. A domain is a subset of the classes,
 * relabelled 0..k-1 in the order given, with optional deterministic transforms. The test partition
 * is always the matching part of Fashion-MNIST's own test set, transformed the same way.
 *
 * <p>Two domains with overlapping classes share images; {@link #sharesExamples} tells the harness so,
 * and it gives the source and the target disjoint, class-stratified halves of the training images.
 * Every image is identified by the SHA-256 of its file's content and its index there (the train or
 * the t10k images), the same in every domain whatever its transforms.
 */
public final class FashionMnistLoader implements DomainLoader<FashionMnistLoader.Parameters> {
    public static final String NAME = "fashion-mnist";
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final int SIDE = 28;
    private static final long HALVES_SEED = 0x5EED_F00DL;

    /**
     * @param classes        Fashion-MNIST class indices (0-9) that make up the domain, in label order
     * @param rotation       rotation in degrees, counter-clockwise (default 0)
     * @param invert         invert pixel intensities (default false)
     * @param noise          standard deviation of Gaussian pixel noise on [0, 1] pixels (default 0)
     * @param noiseSeed      seed of that noise (default 0)
     * @param trainPerClass  use at most this many training images per class, 0 for all (for quick runs)
     * @param testPerClass   use at most this many test images per class, 0 for all (for quick runs)
     * @param task           classification (default), or clustering: the classes are then held out, used only to
     *                       score clusterings
     */
    public record Parameters(
            @Default("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]") List<Integer> classes,
            @Default("0") double rotation,
            @Default("false") boolean invert,
            @Default("0") double noise,
            @Default("0") long noiseSeed,
            @Default("0") int trainPerClass,
            @Default("0") int testPerClass,
            @Default("classification") TaskType task) {
        public Parameters {
            if (task == TaskType.REGRESSION) {
                throw new IllegalArgumentException("task: Fashion-MNIST has classes, not real-valued targets; "
                        + "use classification or clustering");
            }
            classes = List.copyOf(classes);
            if (classes.isEmpty()) {
                throw new IllegalArgumentException("classes: at least one class is needed");
            }
            if (new HashSet<>(classes).size() != classes.size()) {
                throw new IllegalArgumentException("classes: " + classes + " lists a class twice");
            }
            for (int c : classes) {
                if (c < 0 || c > 9) {
                    throw new IllegalArgumentException("classes: " + c + " is not a Fashion-MNIST class (0-9)");
                }
            }
            if (trainPerClass < 0 || testPerClass < 0) {
                throw new IllegalArgumentException("train-per-class and test-per-class must be 0 (all) or positive");
            }
            new ImageTransforms(rotation, invert, noise, noiseSeed);
        }

        ImageTransforms transforms() {
            return new ImageTransforms(rotation, invert, noise, noiseSeed);
        }

        /**
         * The record's form without {@code task} for classification domains: cell ids and seeds derive
         * from this text, so studies written before {@code task} existed keep their seeds and results.
         */
        @Override
        public String toString() {
            return "Parameters[classes=" + classes + ", rotation=" + rotation + ", invert=" + invert + ", noise=" + noise
                    + ", noiseSeed=" + noiseSeed + ", trainPerClass=" + trainPerClass + ", testPerClass=" + testPerClass
                    + (task == TaskType.CLASSIFICATION ? "" : ", task=" + task) + "]";
        }
    }

    private record Raw(IdxFile.Content trainImages, byte[] trainLabels, IdxFile.Content testImages, byte[] testLabels) {
    }

    private final FashionMnistFiles files;
    private final Map<Path, Raw> cache = new ConcurrentHashMap<>();

    @Inject
    public FashionMnistLoader() {
        this(FashionMnistFiles.standard());
    }

    public FashionMnistLoader(FashionMnistFiles files) {
        this.files = files;
    }

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    @Override
    public TaskType task(Parameters parameters) {
        return parameters.task();
    }

    @Override
    public boolean sharesExamples(Parameters first, Parameters second) {
        return first.classes().stream().anyMatch(second.classes()::contains);
    }

    @Override
    public Domain load(String name, Parameters p, LoadContext context) {
        Path dir = files.locate(context.dataDirectory());
        Raw raw = cache.computeIfAbsent(dir, this::read);
        int[] trainRows = select(raw.trainLabels(), p.classes(), p.trainPerClass(), context.share());
        int[] testRows = select(raw.testLabels(), p.classes(), p.testPerClass(), TrainShare.ALL);
        ImageTransforms transforms = p.transforms();
        // An image is known by its file's content and its index, whatever transform a domain applies, so a
        // rotated or noisy copy of a source image is recognised as the same example.
        Examples train = examples(raw.trainImages().data(), raw.trainLabels(), trainRows, p.classes(), transforms, 0)
                .withIds(ExampleIds.of(ExampleOrigin.ofFile(raw.trainImages().sha256(), dir.resolve(FashionMnistFiles.TRAIN_IMAGES)),
                        trainRows));
        Examples test = examples(raw.testImages().data(), raw.testLabels(), testRows, p.classes(), transforms, 1L << 32)
                .withIds(ExampleIds.of(ExampleOrigin.ofFile(raw.testImages().sha256(), dir.resolve(FashionMnistFiles.TEST_IMAGES)),
                        testRows));

        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("files", dir.toString());
        provenance.put("train-images-sha256", raw.trainImages().sha256());
        provenance.put("test-images-sha256", raw.testImages().sha256());
        provenance.put("classes", p.classes().toString());
        provenance.put("transforms", transforms.toString());
        provenance.put("train-share", context.share().name());
        return new Domain(name, p.task(), p.classes().stream().map(CLASS_NAMES::get).toList(),
                FeatureShape.image(1, SIDE, SIDE), train, new TestPartition(name, test), provenance);
    }

    private Raw read(Path dir) {
        IdxFile.Content trainImages = checked(dir.resolve(FashionMnistFiles.TRAIN_IMAGES), true);
        IdxFile.Content trainLabels = checked(dir.resolve(FashionMnistFiles.TRAIN_LABELS), false);
        IdxFile.Content testImages = checked(dir.resolve(FashionMnistFiles.TEST_IMAGES), true);
        IdxFile.Content testLabels = checked(dir.resolve(FashionMnistFiles.TEST_LABELS), false);
        matching(dir.resolve(FashionMnistFiles.TRAIN_IMAGES), trainImages, trainLabels);
        matching(dir.resolve(FashionMnistFiles.TEST_IMAGES), testImages, testLabels);
        // Checksums last: a file that is malformed in a way the checks above can name gets that message,
        // which says what is wrong, rather than only that its checksum differs.
        files.verify(dir.resolve(FashionMnistFiles.TRAIN_IMAGES), trainImages.sha256());
        files.verify(dir.resolve(FashionMnistFiles.TRAIN_LABELS), trainLabels.sha256());
        files.verify(dir.resolve(FashionMnistFiles.TEST_IMAGES), testImages.sha256());
        files.verify(dir.resolve(FashionMnistFiles.TEST_LABELS), testLabels.sha256());
        return new Raw(trainImages, trainLabels.data(), testImages, testLabels.data());
    }

    private IdxFile.Content checked(Path file, boolean images) {
        IdxFile.Content content = images ? IdxFile.readImages(file) : IdxFile.readLabels(file);
        if (images && (content.dimensions()[1] != SIDE || content.dimensions()[2] != SIDE)) {
            throw new TransferLabException(file + ": images are " + content.dimensions()[1] + "x"
                    + content.dimensions()[2] + ", expected " + SIDE + "x" + SIDE);
        }
        if (!images) {
            for (int i = 0; i < content.data().length; i++) {
                if (content.data()[i] < 0 || content.data()[i] > 9) {
                    throw new TransferLabException(file + ": label " + i + " is " + content.data()[i] + ", expected 0-9");
                }
            }
        }
        return content;
    }

    private static void matching(Path imagesFile, IdxFile.Content images, IdxFile.Content labels) {
        if (images.count() != labels.count()) {
            throw new TransferLabException(imagesFile + ": has " + images.count() + " images but its label file has "
                    + labels.count() + " labels; they must match one to one");
        }
    }

    /** Rows of the wanted classes, optionally one half (class-stratified) and capped per class. */
    private static int[] select(byte[] labels, List<Integer> classes, int perClass, TrainShare share) {
        List<Integer> rows = new ArrayList<>();
        for (int cls : classes) {
            int[] ofClass = IntStream.range(0, labels.length).filter(i -> labels[i] == cls).toArray();
            if (share != TrainShare.ALL) {
                // The halves are fixed for the data set, the same for every study and seed.
                shuffle(ofClass, new SplittableRandom(HALVES_SEED + cls));
                int half = ofClass.length / 2;
                ofClass = share == TrainShare.FIRST_HALF
                        ? java.util.Arrays.copyOfRange(ofClass, 0, half)
                        : java.util.Arrays.copyOfRange(ofClass, half, ofClass.length);
                java.util.Arrays.sort(ofClass);
            }
            int limit = perClass == 0 ? ofClass.length : Math.min(perClass, ofClass.length);
            for (int i = 0; i < limit; i++) {
                rows.add(ofClass[i]);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    private static Examples examples(byte[] pixels, byte[] labels, int[] rows, List<Integer> classes,
                                     ImageTransforms transforms, long idOffset) {
        int size = SIDE * SIDE;
        float[] x = new float[rows.length * size];
        int[] y = new int[rows.length];
        float[] image = new float[size];
        for (int r = 0; r < rows.length; r++) {
            int src = rows[r] * size;
            for (int i = 0; i < size; i++) {
                image[i] = (pixels[src + i] & 0xff) / 255f;
            }
            if (!transforms.isIdentity()) {
                transforms.apply(image, SIDE, SIDE, idOffset + rows[r]);
            }
            System.arraycopy(image, 0, x, r * size, size);
            y[r] = classes.indexOf((int) labels[rows[r]]);
        }
        return Examples.classified(x, size, y);
    }

    /** Exposed for tests that need to know which image rows a domain would use. */
    static Set<Integer> rowsOf(byte[] labels, List<Integer> classes, TrainShare share) {
        Set<Integer> set = new HashSet<>();
        for (int r : select(labels, classes, 0, share)) {
            set.add(r);
        }
        return set;
    }
}
