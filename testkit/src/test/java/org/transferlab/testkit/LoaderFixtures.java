package org.transferlab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.autompg.AutoMpgLoader;
import org.transferlab.core.loader.csv.CsvLoader;
import org.transferlab.core.loader.diabetes.DiabetesLoader;
import org.transferlab.core.loader.fashion.FashionMnistFiles;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.core.loader.fashion.IdxFixtures;
import org.transferlab.core.loader.imagefolder.ImageFixtures;
import org.transferlab.core.loader.imagefolder.ImageFolderLoader;
import org.transferlab.core.loader.published.PublishedFixtures;
import org.transferlab.core.loader.synthetic.SyntheticLoader;

/**
 * A small domain for each built-in loader, by registered name: the loader (an instance of the registered class,
 * reading fixture files instead of the published ones where it verifies checksums), its parameters, the files
 * it reads, and parameters it must refuse. {@link BuiltInLoadersContractTest} fails for a registered loader
 * that has none here.
 */
final class LoaderFixtures {
    /** What {@link DomainLoaderContract} needs for one loader. */
    interface Fixture {
        DomainLoader<?> loader();

        String parameters();

        void write(Path dataDirectory) throws IOException;

        List<String> badParameters();

        /** Whether the loader reads files, and so must fail cleanly without them. */
        boolean readsFiles();
    }

    private record Simple(Supplier<DomainLoader<?>> loaderSupplier, String parameters, Writer writer,
                          List<String> badParameters) implements Fixture {
        @Override
        public DomainLoader<?> loader() {
            return loaderSupplier.get();
        }

        @Override
        public void write(Path dataDirectory) throws IOException {
            writer.write(dataDirectory);
        }

        @Override
        public boolean readsFiles() {
            return writer != NO_FILES;
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path dataDirectory) throws IOException;
    }

    private static final Writer NO_FILES = dataDirectory -> { };
    private static final byte[] CARS = cars();
    private static final byte[] DIABETES_FEATURES = PublishedFixtures.gzip(diabetesFeatures());
    private static final byte[] DIABETES_TARGETS = PublishedFixtures.gzip(diabetesTargets());

    static final Map<String, Fixture> BY_NAME = Map.of(
            SyntheticLoader.NAME, new Simple(SyntheticLoader::new, "{classes: 3, features: 4, train-size: 40, test-size: 20}",
                    NO_FILES, List.of("{classes: 1}", "{train-size: 0}")),
            CsvLoader.NAME, new Simple(CsvLoader::new, "{file: tiny.csv, target: label}",
                    dir -> Files.writeString(dir.resolve("tiny.csv"), csv()),
                    List.of("{file: tiny.csv, target: no-such-column}", "{file: tiny.csv, target: label, test-fraction: 2}")),
            AutoMpgLoader.NAME, new Simple(() -> new AutoMpgLoader(PublishedFixtures.dataSet(AutoMpgLoader.NAME,
                    Map.of(AutoMpgLoader.CARS_JSON, CARS))), "{origin: usa}",
                    dir -> PublishedFixtures.install(dir, AutoMpgLoader.NAME, AutoMpgLoader.CARS_JSON, CARS),
                    List.of("{}", "{origin: mars}")),
            DiabetesLoader.NAME, new Simple(() -> new DiabetesLoader(PublishedFixtures.dataSet(DiabetesLoader.NAME,
                    Map.of(DiabetesLoader.DATA_FILE, DIABETES_FEATURES, DiabetesLoader.TARGET_FILE, DIABETES_TARGETS))), "{sex: 1}",
                    dir -> PublishedFixtures.install(dir, DiabetesLoader.NAME, DiabetesLoader.DATA_FILE, DIABETES_FEATURES,
                            DiabetesLoader.TARGET_FILE, DIABETES_TARGETS),
                    List.of("{sex: 3}", "{sex: 1, test-fraction: 0}")),
            FashionMnistLoader.NAME, new Simple(() -> new FashionMnistLoader(new FashionMnistFiles(List.of(), Optional.empty(), Map.of())),
                    "{classes: [0, 1, 2]}", dir -> IdxFixtures.fashionMnist(dir.resolve("fashion-mnist"), 8, 4),
                    List.of("{classes: [10]}")),
            ImageFolderLoader.NAME, new Simple(ImageFolderLoader::new, "{folder: shapes, width: 8, height: 8}",
                    dir -> ImageFixtures.folder(dir.resolve("shapes"), List.of("red", "green", "blue"), 10, 8, "png"),
                    List.of("{folder: shapes, width: 0, height: 8}", "{folder: no-such-folder, width: 8, height: 8}")));

    private LoaderFixtures() {
    }

    /** Two well-separated classes over two features, 40 rows. */
    private static String csv() {
        StringBuilder text = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 40; i++) {
            int label = i % 2;
            text.append(String.format(Locale.ROOT, "%.2f,%.2f,%s%n", label * 3 + (i % 7) * 0.1, (i % 5) * 0.2 - label, label == 0 ? "a" : "b"));
        }
        return text.toString();
    }

    /** Forty cars in cars.json's format, thirty of them from the USA, with distinct MPG values. */
    private static byte[] cars() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String origin = i < 30 ? "USA" : i < 35 ? "Europe" : "Japan";
            records.add(String.format(Locale.ROOT, "{\"Name\":\"car %d\",\"Miles_per_Gallon\":%d.5,\"Cylinders\":%d,"
                    + "\"Displacement\":%d,\"Horsepower\":%d,\"Weight_in_lbs\":%d,\"Acceleration\":%d,"
                    + "\"Year\":\"19%d-01-01\",\"Origin\":\"%s\"}", i, 10 + i, 4 + 2 * (i % 3), 100 + 7 * i, 60 + 3 * i,
                    2000 + 37 * i, 10 + i % 9, 70 + i % 12, origin));
        }
        return ("[\n" + String.join(",\n", records) + "\n]\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Thirty patients in diabetes_data_raw.csv's format (ten space-separated columns, sex in the second), half of sex 1. */
    private static String diabetesFeatures() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append(String.format(Locale.ROOT, "%d %d %.1f %.1f %d %.1f %.1f %.1f %.4f %d%n", 20 + i, 1 + i % 2,
                    20 + i * 0.3, 80.0 + i, 150 + 2 * i, 90 + i * 1.5, 40.0 + i % 11, 3.0 + i % 3, 4 + i * 0.03, 70 + i % 20));
        }
        return text.toString();
    }

    private static String diabetesTargets() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append(String.format(Locale.ROOT, "%.18e%n", 50.0 + 7 * i));
        }
        return text.toString();
    }
}
