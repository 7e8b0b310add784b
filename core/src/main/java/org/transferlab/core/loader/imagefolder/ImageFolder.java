package org.transferlab.core.loader.imagefolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.transferlab.core.TransferLabException;

/**
 * The listing of an image folder, before any image is read: one folder per class
 * ({@code ROOT/CLASS/*.png}), or {@code ROOT/train/CLASS/...} and {@code ROOT/test/CLASS/...}. Classes
 * are the class folders' names and files their images, both in sorted order (by {@link String#compareTo},
 * whatever the file system lists first), so every machine numbers them alike. Names that start with a
 * dot ({@code .DS_Store}, {@code ._cat.png}, {@code .git}) are the operating system's or a tool's and are
 * skipped; anything else that is not part of the layout is an error naming it.
 *
 * @param root    the folder, absolute
 * @param layout  whether it comes split into train and test
 * @param classes the class names, sorted
 * @param images  every image, sorted by part (train first), class and file name; its index here is its row
 */
record ImageFolder(Path root, Layout layout, List<String> classes, List<Image> images) {
    /** The file names read as images, in any case. */
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg");

    /** How the folder is organised. */
    enum Layout {
        /** One folder per class; the loader splits it. */
        CLASS_FOLDERS,
        /** {@code train/} and {@code test/} folders of class folders: the folder's own split. */
        TRAIN_AND_TEST
    }

    /**
     * One image file.
     *
     * @param file     its path
     * @param relative its path below the root, with '/' separators
     * @param label    the index of its class in {@link #classes()}
     * @param test     whether it is in the {@code test/} folder (never, for {@link Layout#CLASS_FOLDERS})
     */
    record Image(Path file, String relative, int label, boolean test) {
    }

    ImageFolder {
        classes = List.copyOf(classes);
        images = List.copyOf(images);
    }

    /** The labels of every image, by row: what the split is stratified by. */
    int[] labels() {
        return images.stream().mapToInt(Image::label).toArray();
    }

    /** Lists {@code root}; a missing folder, a stray file, an empty class or one that is not an image is an error. */
    static ImageFolder scan(Path root, String asConfigured) {
        if (!Files.exists(root)) {
            throw new TransferLabException(root + ": no such folder (folder: " + asConfigured + ")");
        }
        if (!Files.isDirectory(root)) {
            throw new TransferLabException(root + ": not a folder (folder: " + asConfigured + "); expected a folder with one "
                    + "folder of images per class");
        }
        List<Path> entries = visible(root);
        boolean train = entries.stream().anyMatch(p -> p.getFileName().toString().equals("train") && Files.isDirectory(p));
        boolean test = entries.stream().anyMatch(p -> p.getFileName().toString().equals("test") && Files.isDirectory(p));
        if (train != test) {
            String has = train ? "train" : "test";
            throw new TransferLabException(root + ": has a '" + has + "' folder but no '" + (train ? "test" : "train")
                    + "' folder; expected either class folders only (ROOT/CLASS/*.png), or 'train' and 'test' folders that both "
                    + "hold the class folders" + (train ? " (to split the images of 'train', give it as the folder: folder: "
                    + asConfigured.replaceAll("/+$", "") + "/train)" : ""));
        }
        if (!train) {
            List<String> classes = classFolders(root, entries);
            return new ImageFolder(root, Layout.CLASS_FOLDERS, classes, images(root, root, classes, false));
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!name.equals("train") && !name.equals("test")) {
                throw new TransferLabException(entry + ": beside the 'train' and 'test' folders of " + root
                        + "; expected only those two, each holding the class folders");
            }
        }
        Path trainFolder = root.resolve("train");
        Path testFolder = root.resolve("test");
        List<String> classes = classFolders(trainFolder, visible(trainFolder));
        List<String> testClasses = classFolders(testFolder, visible(testFolder));
        if (!classes.equals(testClasses)) {
            throw new TransferLabException(testFolder + ": has the class folders " + String.join(", ", testClasses) + ", but "
                    + trainFolder + " has " + String.join(", ", classes) + "; expected the same classes in both");
        }
        List<Image> images = new ArrayList<>(images(root, trainFolder, classes, false));
        images.addAll(images(root, testFolder, classes, true));
        return new ImageFolder(root, Layout.TRAIN_AND_TEST, classes, images);
    }

    private static List<String> classFolders(Path folder, List<Path> entries) {
        List<String> classes = new ArrayList<>();
        for (Path entry : entries) {
            if (!Files.isDirectory(entry)) {
                throw new TransferLabException(entry + ": a file where class folders are expected; " + folder
                        + " must hold only one folder of images per class");
            }
            classes.add(entry.getFileName().toString());
        }
        if (classes.isEmpty()) {
            throw new TransferLabException(folder + ": no class folders; expected one folder of .png or .jpg images per "
                    + "class (ROOT/CLASS/*.png), or 'train' and 'test' folders that both hold them");
        }
        return classes;
    }

    private static List<Image> images(Path root, Path folder, List<String> classes, boolean test) {
        List<Image> images = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            Path classFolder = folder.resolve(classes.get(label));
            List<Path> files = visible(classFolder);
            if (files.isEmpty()) {
                throw new TransferLabException(classFolder + ": empty class folder; expected .png or .jpg images of class '"
                        + classes.get(label) + "'");
            }
            for (Path file : files) {
                if (Files.isDirectory(file)) {
                    throw new TransferLabException(file + ": a folder inside class folder '" + classes.get(label)
                            + "'; expected only .png, .jpg or .jpeg images there (class folders are not nested)");
                }
                if (!EXTENSIONS.contains(extension(file))) {
                    throw new TransferLabException(file + ": not an image file; expected only .png, .jpg or .jpeg images in "
                            + "class folder '" + classes.get(label) + "'");
                }
                String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                images.add(new Image(file, relative, label, test));
            }
        }
        return images;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The folder's entries that do not start with a dot, sorted by name. */
    private static List<Path> visible(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new TransferLabException(folder + ": cannot be listed (" + e + ")", e);
        }
    }
}
