package org.transferlab.core.loader.autompg;

import com.google.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
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
import org.transferlab.core.loader.RowSplit;
import org.transferlab.core.loader.SplitConflict;
import org.transferlab.core.loader.published.PublishedDataSet;
import org.transferlab.core.loader.published.PublishedFile;
import org.transferlab.core.plugin.Default;

/**
 * Auto MPG (UCI Machine Learning Repository; Quinlan 1993, "Combining Instance-Based and Model-Based
 * Learning", ICML): 406 cars of the years 1970-1982, predicting fuel consumption in miles per gallon
 * from cylinders, displacement (cubic inches), horsepower, weight (lbs), acceleration (seconds from 0
 * to 60 mph) and model year (e.g. 1970). A domain is the cars of one origin: USA (254 cars), Europe
 * (73) or Japan (79). Read from vega-datasets' {@code cars.json} in {@code DATA_DIR/auto-mpg}, which
 * {@code ./transferlab data fetch auto-mpg} puts there; its SHA-256 is checked on every load.
 *
 * <p>Missing values: a car without MPG is always dropped (it has no target). A car with a missing
 * feature (six cars have no horsepower) is dropped, or with {@code missing: impute} its missing value
 * is replaced by that feature's mean over the domain's train partition (never the test partition).
 * The provenance records how many rows each step affected.
 *
 * <p>The test partition is a seeded split of the whole file, drawn once for every domain: each
 * stratum of cars (an origin, and whether a car is complete, lacks a feature or lacks MPG) holds out
 * {@code round(test-fraction * its size)} cars, and a domain takes its usable cars on each side. The
 * split does not depend on the origin asked for nor on {@code missing}, so domains of one origin with
 * different missing-value policies share it, and their halves (taken within the file's train cars,
 * per stratum) are disjoint. Domains with another {@code test-fraction} or {@code split-seed} would
 * split the file differently and cannot be paired ({@link #splitConflict}). Each car is identified by
 * the file's SHA-256 and its record index.
 */
public final class AutoMpgLoader implements DomainLoader<AutoMpgLoader.Parameters> {
    public static final String NAME = "auto-mpg";
    /** The feature names, in column order. */
    public static final List<String> FEATURES = List.of("cylinders", "displacement", "horsepower", "weight",
            "acceleration", "model-year");
    public static final String CARS_JSON = "cars.json";

    /**
     * cars.json as Debian's python3-vega-datasets (0.9+dfsg-1) installs it, which is the file of the
     * vega_datasets 0.9.0 release; the SHA-256 was computed from the Debian package's file.
     */
    public static final PublishedDataSet DATA = new PublishedDataSet(NAME, "python3-vega-datasets", List.of(
            new PublishedFile(CARS_JSON, "/usr/lib/python3/dist-packages/vega_datasets/_data/cars.json",
                    URI.create("https://raw.githubusercontent.com/altair-viz/vega_datasets/v0.9.0/vega_datasets/_data/cars.json"),
                    "f686a53678b21f4231e2f6a5ba7ce5761d9d39204fccdea1caa29fb8c460e319")));

    /** How rows with a missing feature value are handled. */
    public enum Missing {
        /** Leave the row out. */
        DROP,
        /** Replace the missing value with the feature's mean over the train partition. */
        IMPUTE
    }

    /**
     * @param origin        the cars of the domain: usa, europe or japan (any case)
     * @param missing       drop (default) or impute rows with a missing feature value; rows without MPG are always dropped
     * @param testFraction  the share of each stratum of the file's cars held out as the test partition, in (0, 1)
     *                      (default 0.3); every domain of a pair must give the same
     * @param splitSeed     the seed of that split (default 0); every domain of a pair must give the same
     */
    public record Parameters(
            Origin origin,
            @Default("drop") Missing missing,
            @Default("0.3") double testFraction,
            @Default("0") long splitSeed) {
        public Parameters {
            if (origin == null) {
                throw new IllegalArgumentException("origin: one of " + Origin.labels() + " is required");
            }
            Objects.requireNonNull(missing, "missing");
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("test-fraction must be in (0, 1), got " + testFraction);
            }
        }
    }

    private final PublishedDataSet data;

    @Inject
    public AutoMpgLoader() {
        this(DATA);
    }

    /** Reads {@code data}'s cars.json: tests pass fixture files with their own checksums. */
    public AutoMpgLoader(PublishedDataSet data) {
        this.data = data;
    }

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    @Override
    public TaskType task(Parameters parameters) {
        return TaskType.REGRESSION;
    }

    @Override
    public boolean sharesExamples(Parameters first, Parameters second) {
        return first.origin() == second.origin();
    }

    /** Every domain reads cars.json, which is split once: they must agree on the split's fraction and seed. */
    @Override
    public Optional<SplitConflict> splitConflict(Parameters first, Parameters second) {
        String file = NAME + "/" + CARS_JSON;
        return SplitConflict.compare(file, "test-fraction", first.testFraction(), second.testFraction())
                .or(() -> SplitConflict.compare(file, "split-seed", first.splitSeed(), second.splitSeed()));
    }

    @Override
    public Domain load(String name, Parameters p, LoadContext context) {
        Path file = data.directory(context.dataDirectory()).resolve(CARS_JSON);
        byte[] bytes = data.read(context.dataDirectory(), data.file(CARS_JSON));
        List<Car> all = CarsJson.parse(file, bytes);
        List<Car> ofOrigin = all.stream().filter(c -> c.origin() == p.origin()).toList();
        List<Car> withTarget = ofOrigin.stream().filter(c -> c.milesPerGallon() != null).toList();
        int[] missingByFeature = missingByFeature(withTarget);
        List<Car> kept = p.missing() == Missing.DROP
                ? withTarget.stream().filter(c -> !c.hasMissingFeature()).toList() : withTarget;
        if (kept.size() < 2) {
            throw new TransferLabException(file + ": origin " + p.origin().label() + " has " + kept.size()
                    + " usable cars; a domain needs at least 2 (one to train, one to test)");
        }

        // One split of the file, whatever the domain: stratified by origin and by what a car lacks, both
        // properties of the record, so every origin and either missing-value policy gets its share of
        // test cars, and two domains never hold each other's test cars.
        int[] strata = all.stream().mapToInt(AutoMpgLoader::stratum).toArray();
        int[][] split = RowSplit.stratified(strata, p.testFraction(), p.splitSeed());
        boolean[] inTrain = mark(all.size(), RowSplit.share(split[0], strata, context.share()));
        boolean[] inTest = mark(all.size(), split[1]);
        int d = FEATURES.size();
        float[] x = new float[kept.size() * d];
        double[] y = new double[kept.size()];
        int[] records = new int[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            System.arraycopy(kept.get(i).features(), 0, x, i * d, d);
            y[i] = kept.get(i).milesPerGallon();
            records[i] = kept.get(i).index();
        }
        int[] trainRows = IntStream.range(0, kept.size()).filter(i -> inTrain[records[i]]).toArray();
        int[] testRows = IntStream.range(0, kept.size()).filter(i -> inTest[records[i]]).toArray();
        String splitText = "test-fraction " + p.testFraction() + ", split-seed " + p.splitSeed() + ", over the file's "
                + all.size() + " cars, stratified by origin and missing values";
        if (testRows.length == 0 || trainRows.length == 0) {
            throw new TransferLabException(file + ": none of the " + kept.size() + " usable cars of origin " + p.origin().label()
                    + " falls in the " + (testRows.length == 0 ? "test" : "train") + " partition of the file's split ("
                    + splitText + "); change test-fraction or split-seed");
        }
        int rowsImputed = kept.size() - (int) kept.stream().filter(c -> !c.hasMissingFeature()).count();
        float[] means = null;
        if (p.missing() == Missing.IMPUTE) {
            means = TrainMeans.of(file, p.origin(), x, d, trainRows);
            TrainMeans.fill(x, d, means);
        }
        Examples rows = Examples.valued(x, d, y)
                .withIds(ExampleIds.of(ExampleOrigin.ofFile(data.file(CARS_JSON).sha256(), file), records));

        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("file", file.toString());
        provenance.put("sha256", data.file(CARS_JSON).sha256());
        provenance.put("origin", p.origin().label());
        provenance.put("features", String.join(",", FEATURES));
        provenance.put("rows-in-file", Integer.toString(all.size()));
        provenance.put("rows-of-origin", Integer.toString(ofOrigin.size()));
        provenance.put("rows-dropped-missing-mpg", Integer.toString(ofOrigin.size() - withTarget.size()));
        provenance.put("missing", p.missing().name().toLowerCase());
        provenance.put("missing-by-feature", byFeature(missingByFeature));
        provenance.put("rows-dropped-missing-features", Integer.toString(withTarget.size() - kept.size()));
        provenance.put("rows-imputed", Integer.toString(p.missing() == Missing.IMPUTE ? rowsImputed : 0));
        if (means != null) {
            provenance.put("imputed-train-means", imputedMeans(means, missingByFeature));
        }
        provenance.put("rows", Integer.toString(kept.size()));
        provenance.put("train-rows", Integer.toString(trainRows.length));
        provenance.put("test-rows", Integer.toString(testRows.length));
        provenance.put("split", splitText);
        provenance.put("train-share", context.share().name());
        return new Domain(name, TaskType.REGRESSION, List.of(), FeatureShape.flat(d), rows.subset(trainRows),
                new TestPartition(name, rows.subset(testRows)), provenance);
    }

    /** A car's stratum: its origin, and whether it is complete, lacks a feature, or lacks MPG. */
    private static int stratum(Car car) {
        int lacks = car.milesPerGallon() == null ? 2 : car.hasMissingFeature() ? 1 : 0;
        return car.origin().ordinal() * 3 + lacks;
    }

    private static boolean[] mark(int size, int[] rows) {
        boolean[] marked = new boolean[size];
        for (int r : rows) {
            marked[r] = true;
        }
        return marked;
    }

    private static int[] missingByFeature(List<Car> cars) {
        int[] counts = new int[FEATURES.size()];
        for (Car car : cars) {
            for (int j = 0; j < counts.length; j++) {
                if (Float.isNaN(car.features()[j])) {
                    counts[j]++;
                }
            }
        }
        return counts;
    }

    private static String byFeature(int[] counts) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] > 0) {
                parts.add(FEATURES.get(j) + "=" + counts[j]);
            }
        }
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    private static String imputedMeans(float[] means, int[] missing) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < means.length; j++) {
            if (missing[j] > 0) {
                parts.add(FEATURES.get(j) + "=" + means[j]);
            }
        }
        return parts.isEmpty() ? "none" : parts.stream().collect(Collectors.joining(","));
    }
}
