package org.transferlab.core.loader.imagefolder;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.RowSplit;
import org.transferlab.core.loader.SplitConflict;
import org.transferlab.core.loader.TrainShare;
import org.transferlab.core.plugin.Default;

/**
 * A researcher's own images, in the layout most tools read ({@code ROOT/CLASS/*.png|jpg}, one folder
 * per class, or {@code ROOT/train/CLASS/...} and {@code ROOT/test/CLASS/...}), decoded with Java's ImageIO:
 * greyscale or RGB as {@code channels} says, resized to {@code width x height}, pixels in [0, 1],
 * channel-major ({@code FeatureShape.image(channels, height, width)}, what the CNN reads). Classes are
 * the class folders' names; a domain takes all of them in sorted order, or those {@code classes} names,
 * labelled 0..k-1 in the order given. The label order is recorded in the provenance ({@code classes}).
 * Files are read in sorted order, so the same folder gives the same domain on every machine.
 *
 * <p><b>One split per folder.</b> A folder with {@code train} and {@code test} folders keeps that split.
 * Otherwise a seeded split is drawn over all of the folder's images, whatever a domain's classes:
 * {@code round(test-fraction * n)} images of each class are held out, and a domain takes its classes'
 * images on each side, so two domains of one folder never hold each other's test images. The halves a
 * pair of domains with common classes gets ({@link TrainShare}) are taken within the folder's train
 * images, per class. Domains of one folder that would draw another split (another {@code test-fraction}
 * or {@code split-seed}) cannot be paired: see {@link #splitConflict}; that holds for a folder with its
 * own split too, since it is decided from the config, before any folder is read.
 *
 * <p><b>Identities.</b> Every image is identified by the SHA-256 of its file's content, so a source and a
 * target are compared image by image, whatever folder, class or name an image has in each: a copy of a
 * folder, a folder of some other folder's images, or one image in two classes is recognised. For the same
 * reason a folder may hold each image once: two files with the same content are an error naming both,
 * since the two copies could fall on both sides of the split. Images are decoded only for the domain's
 * classes, but every file of the folder is hashed, and the provenance records a fingerprint of the whole
 * folder ({@code folder-sha256}), so a cached source model is not reused once an image changes.
 *
 * <p>Errors name the file and what was expected: a missing folder, no class folders, an empty class
 * folder, a file that is not a .png, .jpg or .jpeg (names starting with a dot are skipped), a truncated
 * or corrupt image, and, unless {@code mismatched-sizes: resize}, images of different sizes.
 */
public final class ImageFolderLoader implements DomainLoader<ImageFolderLoader.Parameters> {
    public static final String NAME = "image-folder";
    /** Larger examples are refused: a typo of width or height should not exhaust the memory. */
    public static final int MAX_SIDE = 4096;

    /** What to do when a folder's images do not all have one size. */
    public enum MismatchedSizes {
        /** Refuse the folder, naming two images of different sizes. */
        ERROR,
        /** Resize every image to {@code width x height}, whatever its size and aspect ratio. */
        RESIZE
    }

    /**
     * @param folder          the image folder, relative to the data directory and inside it (required)
     * @param classes         the class folders that make up the domain, labelled in the order given; empty (the
     *                        default) for all of them, sorted
     * @param channels        1 (greyscale) or 3 (RGB, the default); images are converted as needed
     * @param width           the width every image is resized to, in pixels (required, 1-4096)
     * @param height          the height every image is resized to, in pixels (required, 1-4096)
     * @param mismatchedSizes {@code error} (the default): the images must all have one size, which may differ from
     *                        width x height (they are all resized alike); {@code resize}: each image is resized to
     *                        width x height whatever its size. The default refuses because images of several sizes
     *                        are resized, and distorted, to different degrees, and where sizes go with classes that
     *                        is a cue a network learns instead of the images
     * @param testFraction    the share of each class's images held out for test, in (0, 1) (default 0.3); ignored
     *                        by a folder with train and test folders; every domain of the folder must give the same
     * @param splitSeed       the seed of that split (default 0); every domain of the folder must give the same
     * @param task            classification (default), or clustering: the labels are then held out, used only to
     *                        score clusterings
     */
    public record Parameters(
            String folder,
            @Default("[]") List<String> classes,
            @Default("3") int channels,
            int width,
            int height,
            @Default("error") MismatchedSizes mismatchedSizes,
            @Default("0.3") double testFraction,
            @Default("0") long splitSeed,
            @Default("classification") TaskType task) {
        public Parameters {
            if (folder == null || folder.isBlank()) {
                throw new IllegalArgumentException("folder: an image folder is required");
            }
            classes = List.copyOf(classes);
            if (new HashSet<>(classes).size() != classes.size()) {
                throw new IllegalArgumentException("classes: " + classes + " lists a class twice");
            }
            if (channels != 1 && channels != 3) {
                throw new IllegalArgumentException("channels must be 1 (greyscale) or 3 (RGB), got " + channels);
            }
            if (width < 1 || width > MAX_SIDE || height < 1 || height > MAX_SIDE) {
                throw new IllegalArgumentException("width and height must be 1 to " + MAX_SIDE + " pixels, got " + width
                        + " and " + height);
            }
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("test-fraction must be in (0, 1), got " + testFraction);
            }
            if (task == TaskType.REGRESSION) {
                throw new IllegalArgumentException("task: an image folder has classes, not real-valued targets; "
                        + "use classification or clustering");
            }
        }

        FeatureShape shape() {
            return FeatureShape.image(channels, height, width);
        }
    }

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    @Override
    public TaskType task(Parameters parameters) {
        return parameters.task();
    }

    /** Domains of one folder share images unless their classes are disjoint (no classes: all of them). */
    @Override
    public boolean sharesExamples(Parameters first, Parameters second) {
        return sameFolder(first, second) && (first.classes().isEmpty() || second.classes().isEmpty()
                || first.classes().stream().anyMatch(second.classes()::contains));
    }

    /** Domains of one folder must draw the same split of it, whatever their classes: one fraction, one seed. */
    @Override
    public Optional<SplitConflict> splitConflict(Parameters first, Parameters second) {
        if (!sameFolder(first, second)) {
            return Optional.empty();
        }
        return SplitConflict.compare(first.folder(), "test-fraction", first.testFraction(), second.testFraction())
                .or(() -> SplitConflict.compare(first.folder(), "split-seed", first.splitSeed(), second.splitSeed()));
    }

    /** The same folder as the config writes it ({@code ./shapes/} and {@code shapes} alike); copies are told by content. */
    private static boolean sameFolder(Parameters first, Parameters second) {
        try {
            return Path.of(first.folder()).normalize().equals(Path.of(second.folder()).normalize());
        } catch (InvalidPathException e) {
            return first.folder().equals(second.folder());
        }
    }

    @Override
    public Domain load(String name, Parameters p, LoadContext context) {
        Path dataDirectory = context.dataDirectory().toAbsolutePath().normalize();
        Path root = dataDirectory.resolve(p.folder()).normalize();
        if (!root.startsWith(dataDirectory)) {
            // A shared config may only describe data, never point the loader at folders outside the data directory.
            throw new TransferLabException("folder: '" + p.folder() + "' is outside the data directory " + dataDirectory
                    + "; give a path inside it");
        }
        ImageFolder folder = ImageFolder.scan(root, p.folder());
        List<String> classes = p.classes().isEmpty() ? folder.classes() : p.classes();
        int[] labelOf = labels(folder, classes);
        int[] strata = folder.labels();
        int[][] split = split(folder, strata, p);
        int[] trainRows = domainRows(RowSplit.share(split[0], strata, context.share()), strata, labelOf);
        int[] testRows = domainRows(split[1], strata, labelOf);
        String splitText = folder.layout() == ImageFolder.Layout.TRAIN_AND_TEST ? "the folder's own train and test folders"
                : "test-fraction " + p.testFraction() + ", split-seed " + p.splitSeed() + ", over the folder's "
                + strata.length + " images, stratified by class";
        String trainSide = "train partition" + (context.share() == TrainShare.ALL ? ""
                : " (" + context.share().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        everyClassOnBothSides(folder, classes, labelOf, trainRows, trainSide, testRows, splitText);

        FolderImages images = FolderImages.read(folder, p, labelOf, trainRows, testRows);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("folder", root.toString());
        provenance.put("folder-sha256", images.fingerprint());
        provenance.put("layout", folder.layout() == ImageFolder.Layout.TRAIN_AND_TEST ? "train and test folders"
                : "class folders");
        provenance.put("folder-classes", String.join(",", folder.classes()));
        provenance.put("classes", String.join(",", classes));
        provenance.put("channels", Integer.toString(p.channels()));
        provenance.put("size", p.width() + "x" + p.height());
        provenance.put("mismatched-sizes", p.mismatchedSizes().name().toLowerCase(java.util.Locale.ROOT));
        provenance.put("images-in-folder", Integer.toString(strata.length));
        provenance.put("train-images", Integer.toString(trainRows.length));
        provenance.put("test-images", Integer.toString(testRows.length));
        provenance.put("images-resized", Integer.toString(images.resized()));
        provenance.put("split", splitText);
        provenance.put("train-share", context.share().name());
        return new Domain(name, p.task(), classes, p.shape(), images.train(), new TestPartition(name, images.test()),
                provenance);
    }

    /** For each of the folder's classes, its label in the domain, or -1 when the domain does not take it. */
    private static int[] labels(ImageFolder folder, List<String> classes) {
        int[] labelOf = new int[folder.classes().size()];
        java.util.Arrays.fill(labelOf, -1);
        for (int label = 0; label < classes.size(); label++) {
            int index = folder.classes().indexOf(classes.get(label));
            if (index < 0) {
                throw new TransferLabException(folder.root() + ": key 'classes' names '" + classes.get(label)
                        + "', which is not one of its class folders; they are " + String.join(", ", folder.classes()));
            }
            labelOf[index] = label;
        }
        return labelOf;
    }

    /** The folder's rows {train, test}: its own, or drawn with the seed over all of its images, per class. */
    private static int[][] split(ImageFolder folder, int[] strata, Parameters p) {
        if (folder.layout() == ImageFolder.Layout.TRAIN_AND_TEST) {
            List<ImageFolder.Image> images = folder.images();
            return new int[][] {
                java.util.stream.IntStream.range(0, images.size()).filter(r -> !images.get(r).test()).toArray(),
                java.util.stream.IntStream.range(0, images.size()).filter(r -> images.get(r).test()).toArray()};
        }
        return RowSplit.stratified(strata, p.testFraction(), p.splitSeed());
    }

    /** The rows of {@code rows} whose class the domain takes; {@code strata} has every row's folder class. */
    private static int[] domainRows(int[] rows, int[] strata, int[] labelOf) {
        return java.util.Arrays.stream(rows).filter(r -> labelOf[strata[r]] >= 0).toArray();
    }

    /** Throws unless each of the domain's classes has an image in its train partition (share) and in its test partition. */
    private static void everyClassOnBothSides(ImageFolder folder, List<String> classes, int[] labelOf, int[] trainRows,
                                              String trainSide, int[] testRows, String splitText) {
        int[] perClass = new int[classes.size()];
        int[] train = new int[classes.size()];
        int[] test = new int[classes.size()];
        for (ImageFolder.Image image : folder.images()) {
            if (labelOf[image.label()] >= 0) {
                perClass[labelOf[image.label()]]++;
            }
        }
        for (int r : trainRows) {
            train[labelOf[folder.images().get(r).label()]]++;
        }
        for (int r : testRows) {
            test[labelOf[folder.images().get(r).label()]]++;
        }
        for (int label = 0; label < classes.size(); label++) {
            if (train[label] == 0 || test[label] == 0) {
                throw new TransferLabException(folder.root() + ": none of the " + perClass[label] + " images of class '"
                        + classes.get(label) + "' falls in the " + (test[label] == 0 ? "test partition" : trainSide)
                        + " of the folder's split (" + splitText + "); a domain needs images of each class on both sides: "
                        + "give the class more images" + (splitText.startsWith("test-fraction") ? ", or change test-fraction" : ""));
            }
        }
    }
}
