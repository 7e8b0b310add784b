package org.transferlab.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.loader.autompg.AutoMpgLoader;
import org.transferlab.core.loader.diabetes.DiabetesLoader;
import org.transferlab.core.loader.fashion.FashionMnistFiles;
import org.transferlab.core.loader.fashion.IdxFile;
import org.transferlab.core.loader.published.DataSetFetcher;
import org.transferlab.core.loader.published.PalmerPenguins;
import org.transferlab.core.loader.published.PublishedDataSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Data set management: {@code data fetch NAME} puts a data set into the data directory, verified. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Manages the data sets TransferLab reads.",
        subcommands = {DataCommand.Fetch.class})
final class DataCommand implements Runnable {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: fetch");
    }

    /** The data sets that can be fetched, and how; each says where it put the data set and where from. */
    private static final Map<String, Function<Path, String>> FETCHERS = Map.of(
            "fashion-mnist", directory -> Fetch.fashionMnist(directory).toString(),
            AutoMpgLoader.NAME, directory -> Fetch.published(AutoMpgLoader.DATA, directory),
            DiabetesLoader.NAME, directory -> Fetch.published(DiabetesLoader.DATA, directory),
            PalmerPenguins.NAME, directory -> Fetch.published(PalmerPenguins.DATA, directory));

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Copies a data set into the data directory from its Debian package (installed, or downloaded "
                    + "with apt-get download and extracted), or downloads it from its published location, and verifies "
                    + "its checksums.")
    static final class Fetch implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "the data set: fashion-mnist, auto-mpg, diabetes or penguins")
        private String name;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "the data directory (default: $TRANSFERLAB_DATA, else data/)")
        private Path dataDir;

        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Function<Path, String> fetcher = FETCHERS.get(name);
            if (fetcher == null) {
                throw new TransferLabException("unknown data set '" + name + "'; known data sets: "
                        + String.join(", ", FETCHERS.keySet().stream().sorted().toList()));
            }
            String fromEnvironment = System.getenv("TRANSFERLAB_DATA");
            Path directory = dataDir != null ? dataDir
                    : Path.of(fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "data");
            spec.commandLine().getOut().println(name + ": " + fetcher.apply(directory));
            return 0;
        }

        /** Copies a published data set into the data directory, verified; says where it came from. */
        static String published(PublishedDataSet set, Path dataDirectory) {
            DataSetFetcher.Fetched fetched = DataSetFetcher.standard().fetch(set, dataDirectory);
            return fetched.directory() + " (" + fetched.from() + ")";
        }

        /** Finds the files (data directory, Debian package, download), copies them in and checks every checksum. */
        static Path fashionMnist(Path dataDirectory) {
            FashionMnistFiles files = FashionMnistFiles.standard();
            Path found = files.locate(dataDirectory);
            Path target = dataDirectory.resolve("fashion-mnist");
            try {
                Files.createDirectories(target);
                for (String file : List.of(FashionMnistFiles.TRAIN_IMAGES, FashionMnistFiles.TRAIN_LABELS,
                        FashionMnistFiles.TEST_IMAGES, FashionMnistFiles.TEST_LABELS)) {
                    if (!found.equals(target)) {
                        Files.copy(found.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    }
                    IdxFile.Content content = file.contains("images") ? IdxFile.readImages(target.resolve(file))
                            : IdxFile.readLabels(target.resolve(file));
                    files.verify(target.resolve(file), content.sha256());
                }
            } catch (java.io.IOException e) {
                throw new TransferLabException(target + ": cannot copy Fashion-MNIST there (" + e + ")", e);
            }
            return target;
        }
    }
}
